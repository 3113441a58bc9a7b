// API tokens for machine clients: created by admins, shown once, stored as SHA-256.
import { sql } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { API_TOKEN_PREFIX, hashSecret } from "@/lib/auth/tokens";
import { hasRole, ROLES } from "@/lib/auth/roles";
import {
  RATE_LIMIT_COLUMNS,
  rateLimitStatement,
  type RateLimit,
  type RateLimitVerdict,
  verdictOf,
} from "@/lib/http/rate-limit";

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

const TOKEN_ROW = `SELECT t."id"::text AS "id", t."name", t."role"::text AS "role", t."lastUsedAt", t."expiresAt", t."revokedAt",
      u."active" AS "creatorActive", u."role"::text AS "creatorRole"
    FROM "ApiToken" t LEFT JOIN "User" u ON u."id" = t."createdById"
    WHERE t."tokenHash" = $1`;

/** The token's principal, or null when it is unknown, revoked, expired or its creator deactivated. */
function principalOf(row: TokenRow | undefined, now: Date): TokenPrincipal | null {
  if (!row || row.revokedAt !== null || (row.expiresAt && row.expiresAt <= now)) return null;
  // Belt and braces for tokens made before creators' changes revoked or capped them (lib/users/creator-tokens.ts).
  if (row.creatorActive === false) return null;
  const role = row.creatorRole && !hasRole(row.creatorRole, row.role) ? row.creatorRole : row.role;
  return { tokenId: row.id, name: row.name, role };
}

/** Touch at most once a minute, so a busy client doesn't turn every read into a write. */
const isStale = (row: TokenRow, now: Date) => !row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000;

/** Checked against the database on every request (no cache), so a revocation counts from the next request on. */
export async function authenticateApiToken(token: string, now = new Date()): Promise<TokenPrincipal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  // Plain SQL, one round trip: every API call runs this.
  const [row] = await sql().query<TokenRow>(TOKEN_ROW, [hashSecret(token)]);
  const principal = principalOf(row, now);
  if (principal && isStale(row!, now)) {
    await sql().query(`UPDATE "ApiToken" SET "lastUsedAt" = $2 WHERE "id" = $1::uuid`, [row!.id, now]);
  }
  return principal;
}

export type CountedTokenRequest =
  | { principal: null }
  | { principal: TokenPrincipal; allowed: false }
  | { principal: TokenPrincipal; allowed: true; key: string; verdict: RateLimitVerdict };

/**
 * authenticateApiToken, the role check and the token's rate limit (hitRateLimit with the key
 * `${keyPrefix}${tokenId}`) in one statement, for hot routes (the push API): the request is counted
 * only when the token is usable and has `role`, as when the three run one after the other.
 * `allowed: false`: the token's role is too small (nothing counted).
 */
export async function authenticateAndCountApiToken(
  token: string,
  role: Role,
  keyPrefix: string,
  limit: RateLimit,
  now = new Date(),
): Promise<CountedTokenRequest> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return { principal: null };
  // The checks of principalOf, in SQL: the rate limit's key is NULL (nothing counted) unless they pass.
  const rank = (column: string) => `array_position($4::text[], ${column})`;
  const statement = rateLimitStatement(
    `(SELECT "key" FROM allowed)`,
    5,
    `token AS (${TOKEN_ROW}), valid AS (
      SELECT * FROM token WHERE "revokedAt" IS NULL AND ("expiresAt" IS NULL OR "expiresAt" > $2::timestamptz)
        AND "creatorActive" IS DISTINCT FROM false
    ), touched AS (
      UPDATE "ApiToken" SET "lastUsedAt" = $2::timestamptz WHERE "id" = (SELECT "id"::uuid FROM valid)
        AND ("lastUsedAt" IS NULL OR "lastUsedAt" < $2::timestamptz - interval '60 seconds') RETURNING 1
    ), allowed AS (
      SELECT $3::text || "id" AS "key" FROM valid
      WHERE least(${rank(`"role"`)}, coalesce(${rank(`"creatorRole"`)}, ${rank(`"role"`)})) >= ${rank("$9::text")}
    )`,
  );
  const [row] = await sql().query<TokenRow & { previous: number | null; counted: number | null }>(
    `${statement.text} SELECT token.*, ${RATE_LIMIT_COLUMNS} FROM (SELECT 1) AS one LEFT JOIN token ON true`,
    [hashSecret(token), now, keyPrefix, ROLES, ...statement.values(now, limit), role],
  );
  const principal = principalOf(row?.id ? row : undefined, now);
  if (!principal) return { principal: null };
  if (!hasRole(principal.role, role)) return { principal, allowed: false };
  const key = `${keyPrefix}${principal.tokenId}`;
  return { principal, allowed: true, key, verdict: await verdictOf(row, key, limit, now) };
}
