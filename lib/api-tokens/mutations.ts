import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { generateApiToken } from "@/lib/auth/tokens";
import type { CreateApiTokenInput } from "@/lib/api-tokens/schemas";

/** Returns the token secret exactly once; only its hash is stored. */
export async function createApiToken(input: CreateApiTokenInput, actorId: string | null, ip: string) {
  const { token, prefix, tokenHash } = generateApiToken();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { name: input.name, role: input.role, prefix, tokenHash, expiresAt, createdById: actorId },
      select: { id: true, name: true, prefix: true, role: true, expiresAt: true, createdAt: true },
    });
    await recordAudit(
      { action: "token.created", actorId, target: created.name, ip, detail: { role: created.role, prefix } },
      tx,
    );
    return created;
  });
  return { ...row, token };
}

export async function revokeApiToken(id: string, actorId: string | null, ip: string) {
  return db.$transaction(async (tx) => {
    const existing = await tx.apiToken.findUnique({ where: { id } });
    if (!existing) throw new ApiError(404, "not_found", "No such token.");
    if (existing.revokedAt) return { id, revokedAt: existing.revokedAt };
    const updated = await tx.apiToken.update({
      where: { id },
      data: { revokedAt: new Date() },
      select: { id: true, revokedAt: true },
    });
    await recordAudit(
      { action: "token.revoked", actorId, target: existing.name, ip, detail: { prefix: existing.prefix } },
      tx,
    );
    return updated;
  });
}
