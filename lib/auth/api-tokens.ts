// API tokens for machine clients: created by admins, shown once, stored as SHA-256.
import { sql } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { API_TOKEN_PREFIX, hashSecret } from "@/lib/auth/tokens";
import { hasRole } from "@/lib/auth/roles";

export type TokenPrincipal = { tokenId: string; name: string; role: Role };

type TokenRow = {
  id: string;
  name: string;
  role: Role;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  creatorActive: boolean | null;
  creatorRole: Role | null;
};

/** Checked against the database on every request (no cache), so a revocation counts from the next request on. */
export async function authenticateApiToken(token: string, now = new Date()): Promise<TokenPrincipal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  // Plain SQL, one round trip: every push and API call runs this.
  const [row] = await sql().query<TokenRow>(
    `SELECT t."id"::text AS "id", t."name", t."role"::text AS "role", t."lastUsedAt", t."expiresAt", t."revokedAt",
      u."active" AS "creatorActive", u."role"::text AS "creatorRole"
    FROM "ApiToken" t LEFT JOIN "User" u ON u."id" = t."createdById"
    WHERE t."tokenHash" = $1`,
    [hashSecret(token)],
  );
  if (!row || row.revokedAt !== null || (row.expiresAt && row.expiresAt <= now)) return null;
  // Belt and braces for tokens made before creators' changes revoked or capped them (lib/users/creator-tokens.ts).
  if (row.creatorActive === false) return null;
  const role = row.creatorRole && !hasRole(row.creatorRole, row.role) ? row.creatorRole : row.role;
  // Touch at most once a minute, so a busy client doesn't turn every read into a write.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await sql().query(`UPDATE "ApiToken" SET "lastUsedAt" = $2 WHERE "id" = $1::uuid`, [row.id, now]);
  }
  return { tokenId: row.id, name: row.name, role };
}
