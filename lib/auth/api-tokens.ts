// API tokens for machine clients: created by admins, shown once, stored as SHA-256.
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { API_TOKEN_PREFIX, hashSecret } from "@/lib/auth/tokens";
import { hasRole } from "@/lib/auth/roles";

export type TokenPrincipal = { tokenId: string; name: string; role: Role };

export async function authenticateApiToken(token: string, now = new Date()): Promise<TokenPrincipal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    include: { createdBy: { select: { active: true, role: true } } },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  // Belt and braces for tokens made before creators' changes revoked or capped them (lib/users/creator-tokens.ts).
  if (row.createdBy && !row.createdBy.active) return null;
  const role = row.createdBy && !hasRole(row.createdBy.role, row.role) ? row.createdBy.role : row.role;
  // Touch at most once a minute, so a busy client doesn't turn every read into a write.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { tokenId: row.id, name: row.name, role };
}
