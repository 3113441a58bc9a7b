// Checks over runtime health. The levels are the ones lib/health judged with its thresholds when it recorded
// each KPI (HealthState.level), so no rule is restated here. No server-only import: the worker runs this.
import { db } from "@/lib/db";
import { BREAKER_VALUE } from "@/lib/health/store/thresholds";
import type { CheckContext, CheckResult } from "./ids";

const KPI_OF = {
  "health.error_rate": "error_rate_pct",
  "health.response_time": "response_time_ms",
  "health.memory": "memory_pct",
} as const;
const UNIT = { "health.error_rate": "%", "health.response_time": " ms", "health.memory": "%" } as const;

const targetWhere = (ctx: CheckContext) => ({
  enabled: true,
  ...(ctx.scope?.targetIds ? { id: { in: ctx.scope.targetIds } } : {}),
});

async function enabledStates(ctx: CheckContext, kpi?: string) {
  return db.healthState.findMany({
    where: { target: targetWhere(ctx), ...(kpi ? { kpi } : {}) },
    select: { targetId: true, kpi: true, level: true, lastValue: true },
  });
}

/** A target is not OK when its worst KPI level is warning or critical (the health overview's status rule). */
export async function targetsNotOkCheck(ctx: CheckContext): Promise<CheckResult> {
  const targets = await db.healthTarget.count({ where: targetWhere(ctx) });
  if (targets === 0)
    return {
      id: "health.targets_not_ok",
      status: "not_connected",
      value: null,
      display: "not connected: no health target",
      evidenceUrl: "/health",
    };
  const bad = new Set((await enabledStates(ctx)).filter((s) => s.level !== "ok").map((s) => s.targetId)).size;
  return {
    id: "health.targets_not_ok",
    status: bad === 0 ? "pass" : "fail",
    value: bad,
    display: `${bad} of ${targets} targets warning or critical`,
    evidenceUrl: "/health",
  };
}

/** A KPI "above the alert level" is one whose recorded level is warning (alert) or critical. */
export async function kpiAboveAlertCheck(id: keyof typeof KPI_OF, ctx: CheckContext): Promise<CheckResult> {
  const kpi = KPI_OF[id];
  const states = (await enabledStates(ctx, kpi)).filter((s) => s.lastValue !== null);
  if (states.length === 0)
    return {
      id,
      status: "not_connected",
      value: null,
      display: `not connected: no target reports ${kpi}`,
      evidenceUrl: "/health",
    };
  const above = states.filter((s) => s.level !== "ok").length;
  const worst = Math.max(...states.map((s) => s.lastValue ?? 0));
  return {
    id,
    status: above === 0 ? "pass" : "fail",
    value: above,
    display: `${above} of ${states.length} above the alert level (worst ${Number(worst.toFixed(2))}${UNIT[id]})`,
    evidenceUrl: "/health",
  };
}

export async function breakersOpenCheck(ctx: CheckContext): Promise<CheckResult> {
  const states = (await enabledStates(ctx, "breaker_state")).filter((s) => s.lastValue !== null);
  if (states.length === 0)
    return {
      id: "health.breakers_open",
      status: "not_connected",
      value: null,
      display: "not connected: no target reports circuit breakers",
      evidenceUrl: "/health",
    };
  const open = states.filter((s) => s.lastValue !== BREAKER_VALUE.closed).length;
  return {
    id: "health.breakers_open",
    status: open === 0 ? "pass" : "fail",
    value: open,
    display:
      open === 0
        ? `all breakers closed on ${states.length} target(s)`
        : `${open} target(s) with an open or half-open breaker`,
    evidenceUrl: "/health",
  };
}
