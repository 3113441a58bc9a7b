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
  | "team.updated"
  | "runbook.imported"
  | "runbook.reimported"
  | "runbook.activated"
  | "runbook.paused"
  | "runbook_section.updated"
  | "runbook_item.check_bound"
  | "checklist.run_started"
  | "checklist.run_skipped"
  | "checklist.item_done"
  | "checklist.item_undone"
  | "checklist.item_skipped"
  | "checklist.item_auto_done"
  | "checklist.signed_off"
  | "incident.created"
  | "incident.acknowledged"
  | "incident.updated"
  | "incident.status_changed"
  | "incident.resolved"
  | "incident.edited"
  | "incident.postmortem_saved"
  | "incident.auto_opened"
  | "incident.linked"
  | "incident.unlinked"
  | "incident_auto_open.updated"
  | "incident.action_item_issue_created"
  | "notification_channel.created"
  | "notification_channel.deleted"
  | "maintenance.created"
  | "maintenance.deleted"
  | "status_page.updated"
  | "incident_type.saved"
  | "triage_settings.updated"
  | "triage.labels_changed"
  | "triage.commented"
  | "triage.closed";

export type AuditEntry = {
  action: AuditAction;
  actorId?: string | null;
  target?: string;
  ip?: string;
  detail?: Prisma.InputJsonValue;
};

export async function recordAudit(entry: AuditEntry, tx: Prisma.TransactionClient = db): Promise<void> {
  await tx.auditLog.create({
    data: {
      action: entry.action,
      actorId: entry.actorId ?? null,
      target: entry.target,
      ip: entry.ip,
      detail: entry.detail,
    },
  });
}
