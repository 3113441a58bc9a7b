// Security-relevant actions (logins, failed logins, user/role/token and health-target changes). Never pass secrets in `detail`.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditAction =
  | "login"
  | "login.failed"
  | "login.throttled"
  | "logout"
  | "setup.admin_created"
  | "user.created"
  | "user.role_changed"
  | "user.deactivated"
  | "user.reactivated"
  | "user.password_reset"
  | "user.unlocked"
  | "token.created"
  | "token.revoked"
  | "token.role_capped"
  | "health_target.created"
  | "health_target.updated"
  | "health_target.deleted"
  | "github_token.saved"
  | "github_token.removed"
  | "repository.added"
  | "repository.paused"
  | "repository.resumed"
  | "repository.removed"
  | "triage_settings.updated"
  | "triage.labels_changed"
  | "triage.commented"
  | "triage.closed"
  | "team.updated";

export type AuditEntry = {
  action: AuditAction;
  actorId?: string | null;
  target?: string;
  ip?: string;
  detail?: Prisma.InputJsonValue;
};

export async function recordAudit(entry: AuditEntry, tx: Prisma.TransactionClient = db): Promise<void> {
  await tx.auditLog.create({
    data: { action: entry.action, actorId: entry.actorId ?? null, target: entry.target, ip: entry.ip, detail: entry.detail },
  });
}
