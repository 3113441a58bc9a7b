// API tokens follow the person who created them: deactivation revokes them, a lower role caps them.
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { ROLES, type Role } from "@/lib/auth/roles";

type Change = { userId: string; username: string; actorId: string | null; ip: string; now: Date };

export async function revokeTokensOfCreator(tx: Prisma.TransactionClient, change: Change): Promise<number> {
  const tokens = await tx.apiToken.findMany({
    where: { createdById: change.userId, revokedAt: null },
    select: { id: true, name: true, prefix: true },
  });
  for (const token of tokens) {
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: change.now } });
    await recordAudit(
      {
        action: "token.revoked",
        actorId: change.actorId,
        target: token.name,
        ip: change.ip,
        detail: { prefix: token.prefix, because: `creator ${change.username} deactivated` },
      },
      tx,
    );
  }
  return tokens.length;
}

export async function capTokensOfCreator(
  tx: Prisma.TransactionClient,
  change: Change & { role: Role },
): Promise<number> {
  const above = ROLES.slice(ROLES.indexOf(change.role) + 1);
  if (above.length === 0) return 0;
  const tokens = await tx.apiToken.findMany({
    where: { createdById: change.userId, revokedAt: null, role: { in: [...above] } },
    select: { id: true, name: true, prefix: true, role: true },
  });
  for (const token of tokens) {
    await tx.apiToken.update({ where: { id: token.id }, data: { role: change.role } });
    await recordAudit(
      {
        action: "token.role_capped",
        actorId: change.actorId,
        target: token.name,
        ip: change.ip,
        detail: {
          prefix: token.prefix,
          from: token.role,
          to: change.role,
          because: `creator ${change.username} now ${change.role}`,
        },
      },
      tx,
    );
  }
  return tokens.length;
}
