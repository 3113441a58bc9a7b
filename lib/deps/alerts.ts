// Dependabot security alerts from the synced GithubSecurityAlert rows, judged against the update targets.
import "server-only";
import { db } from "@/lib/db";
import { normalizeSeverity, slaFor, SLA_ORDER, targetSeconds, type SlaState, type UpdateTargets } from "./targets";

export type OpenAlert = {
  repoId: string;
  number: number;
  packageName: string | null;
  ecosystem: string | null;
  severity: string | null;
  vulnerableRange: string | null;
  patchedVersion: string | null;
  ghsaId: string | null;
  cveId: string | null;
  summary: string | null;
  manifestPath: string;
  advisoryUrl: string | null;
  createdAt: Date;
  class: "security";
  ageSeconds: number;
  targetSeconds: number | null;
  dueAt: Date | null;
  sla: SlaState;
};
export type ClosedAlert = {
  repoId: string;
  number: number;
  packageName: string | null;
  severity: string | null;
  state: string;
  createdAt: Date;
  closedAt: Date;
  secondsToClose: number;
  dismissReason: string | null;
};
export type AlertHistory = { closed: ClosedAlert[]; fixedCount: number; meanSecondsToFix: number | null };

const SEV_ORDER: Record<string, number> = { critical: 0, high: 1, moderate: 2, low: 3 };

/** Open alerts, breached first, then by severity, then oldest first. */
export async function listOpenAlerts(
  ctx: { now: Date; targets: UpdateTargets },
  repoIds: string[],
): Promise<OpenAlert[]> {
  const rows = await db.githubSecurityAlert.findMany({
    where: { repoId: { in: repoIds }, state: "OPEN" },
    orderBy: [{ createdAt: "asc" }, { number: "asc" }],
  });
  return rows
    .map((a) => {
      const sla = slaFor(a.createdAt, targetSeconds(ctx.targets, "security", a.severity), ctx.now);
      return {
        repoId: a.repoId,
        number: a.number,
        packageName: a.packageName,
        ecosystem: a.ecosystem,
        severity: a.severity,
        vulnerableRange: a.vulnerableRange,
        patchedVersion: a.patchedVersion,
        ghsaId: a.ghsaId,
        cveId: a.cveId,
        summary: a.summary,
        manifestPath: a.manifestPath,
        advisoryUrl: a.advisoryUrl,
        createdAt: a.createdAt,
        class: "security" as const,
        ...sla,
      };
    })
    .sort(
      (a, b) =>
        SLA_ORDER[a.sla] - SLA_ORDER[b.sla] ||
        (SEV_ORDER[normalizeSeverity(a.severity) ?? ""] ?? 4) - (SEV_ORDER[normalizeSeverity(b.severity) ?? ""] ?? 4) ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    );
}

/**
 * Fixed and dismissed alerts, newest closure first (at most `limit`). Mean time to fix: the mean of
 * fixedAt − createdAt over every alert GitHub marked fixed; dismissed ones are listed but not averaged.
 */
export async function getAlertHistory(repoIds: string[], limit = 50): Promise<AlertHistory> {
  const rows = await db.githubSecurityAlert.findMany({ where: { repoId: { in: repoIds }, state: { not: "OPEN" } } });
  const closed: ClosedAlert[] = [];
  let fixedSum = 0;
  let fixedCount = 0;
  for (const a of rows) {
    const closedAt = a.fixedAt ?? a.dismissedAt ?? a.autoDismissedAt;
    if (!closedAt) continue;
    const secondsToClose = Math.max(0, Math.round((closedAt.getTime() - a.createdAt.getTime()) / 1000));
    if (a.state === "FIXED" && a.fixedAt) {
      fixedSum += secondsToClose;
      fixedCount++;
    }
    closed.push({
      repoId: a.repoId,
      number: a.number,
      packageName: a.packageName,
      severity: a.severity,
      state: a.state,
      createdAt: a.createdAt,
      closedAt,
      secondsToClose,
      dismissReason: a.dismissReason,
    });
  }
  closed.sort((a, b) => b.closedAt.getTime() - a.closedAt.getTime());
  return {
    closed: closed.slice(0, limit),
    fixedCount,
    meanSecondsToFix: fixedCount ? Math.round(fixedSum / fixedCount) : null,
  };
}
