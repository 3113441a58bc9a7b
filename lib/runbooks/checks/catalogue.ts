// The registry: check id → evaluation. Each evaluation says pass, fail or "not connected" (never a pass without data).
import type { CheckContext, CheckId, CheckResult } from "./ids";
import { ciFailingCheck, newItemsCheck, prsWaitingCheck, securityAlertsCheck, syncStaleCheck } from "./github-checks";
import { breakersOpenCheck, kpiAboveAlertCheck, targetsNotOkCheck } from "./health-checks";
import { versionCheck } from "./version-checks";
import { overdueDependencyUpdatesCheck } from "./deps-checks";
import { openIncidentsCheck } from "./incident-checks";
import { getTriageCountsForChecks, type TriageCountsForChecks } from "./triage-adapter";

async function triageCheck(id: CheckId, pick: keyof TriageCountsForChecks, ctx: CheckContext): Promise<CheckResult> {
  const counts = await getTriageCountsForChecks(ctx.now, ctx.scope?.repoIds);
  if (!counts)
    return {
      id,
      status: "not_connected",
      value: null,
      display: "not connected: triage queues not available",
      evidenceUrl: "/triage",
    };
  const value = counts[pick];
  return { id, status: value === 0 ? "pass" : "fail", value, display: String(value), evidenceUrl: "/triage" };
}

const EVALUATE: Record<CheckId, (ctx: CheckContext) => Promise<CheckResult>> = {
  "github.new_items": newItemsCheck,
  "github.prs_waiting_review": prsWaitingCheck,
  "github.ci_failing": ciFailingCheck,
  "github.security_alerts": securityAlertsCheck,
  "github.sync_stale": syncStaleCheck,
  "health.targets_not_ok": targetsNotOkCheck,
  "health.error_rate": (ctx) => kpiAboveAlertCheck("health.error_rate", ctx),
  "health.response_time": (ctx) => kpiAboveAlertCheck("health.response_time", ctx),
  "health.memory": (ctx) => kpiAboveAlertCheck("health.memory", ctx),
  "health.breakers_open": breakersOpenCheck,
  "triage.untriaged": (ctx) => triageCheck("triage.untriaged", "untriagedOver48h", ctx),
  "triage.p0_past_target": (ctx) => triageCheck("triage.p0_past_target", "p0PastTarget", ctx),
  "triage.stale": (ctx) => triageCheck("triage.stale", "stale", ctx),
  "deps.overdue_updates": overdueDependencyUpdatesCheck,
  "incidents.open": openIncidentsCheck,
  "github.tag_appeared": (ctx) => versionCheck("github.tag_appeared", ctx),
  "github.release_published": (ctx) => versionCheck("github.release_published", ctx),
  "github.commit_ci_green": (ctx) => versionCheck("github.commit_ci_green", ctx),
};

export const PROCEDURE_CHECKS = new Set<CheckId>([
  "github.tag_appeared",
  "github.release_published",
  "github.commit_ci_green",
]);

export function evaluateCheck(id: CheckId, ctx: CheckContext): Promise<CheckResult> {
  return EVALUATE[id](ctx);
}

/** Evaluates each distinct check once (recurring checks only; procedure checks depend on their run's version). */
export async function evaluateChecks(ids: Iterable<CheckId>, ctx: CheckContext): Promise<Map<CheckId, CheckResult>> {
  const unique = [...new Set(ids)].filter((id) => !PROCEDURE_CHECKS.has(id));
  const results = await Promise.all(unique.map((id) => evaluateCheck(id, ctx)));
  return new Map(unique.map((id, i) => [id, results[i] as CheckResult]));
}
