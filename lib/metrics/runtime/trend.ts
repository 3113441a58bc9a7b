// The Metrics page's 12-month runtime trend: the fleet's uptime and response-time percentiles per
// month, with the same definitions as the fleet KPIs (index.ts). A month that lies wholly before
// the raw retention and has no maintenance is the sum of the fleet's figures of its whole UTC days
// (kept per day in this process, so another time zone reads only its partial days) and its partial
// days (fleet.ts): there the rollups are all that is left, and getUptime itself counts exactly
// them (whole UTC days from day rollups, the hours at the zone's month edges from hour rollups, the
// start rounded down to the hour). Any other month (raw samples still kept, maintenance to leave out) is counted by
// computeRuntime, as the page's own period is.
import "server-only";
import { createHash } from "node:crypto";
import { getEnv } from "@/lib/env";
import { maintenanceSpans } from "@/lib/health/views/uptime";
import { sketchQuantile, type Sketch } from "@/lib/health/store/sketch";
import { computeRuntime, FLEET_PREFIX, type RuntimeTarget } from ".";
import { fleetFigures, type Fleet, type Span } from "./fleet";
import type { KpiValues, WindowBounds } from "../types";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The fleet KPIs drawn as trends. */
export const RUNTIME_TREND_IDS = ["uptime_pct", "response_p50_ms", "response_p95_ms", "response_p99_ms"].map(
  (k) => `${FLEET_PREFIX}${k}`,
);

type Bounds = { a: Date; b: Date; ds: Date; de: Date };
/**
 * [a, b): the window; `round`: as getUptime counts a window past the raw retention, its whole hours
 * from the start rounded down (a partial last hour's raw samples are gone). [ds, de): its whole UTC
 * days (empty: ds = de = b).
 */
function bounds(w: WindowBounds, round: boolean): Bounds {
  const hour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;
  const a = round ? hour(w.start.getTime()) : w.start.getTime();
  const b = round ? Math.max(a, hour(w.end.getTime())) : w.end.getTime();
  let ds = Math.ceil(a / DAY_MS) * DAY_MS;
  let de = Math.floor(b / DAY_MS) * DAY_MS;
  if (ds >= de) ds = de = b;
  return { a: new Date(a), b: new Date(b), ds: new Date(ds), de: new Date(de) };
}

/** Closed months' fleet figures by fleet and window; bounded, the oldest entries go first. */
const closedMonths = new Map<string, KpiValues>();
const MAX_CLOSED = 1000;
function remember(key: string, values: KpiValues): void {
  closedMonths.set(key, values);
  if (closedMonths.size > MAX_CLOSED) closedMonths.delete(closedMonths.keys().next().value!);
}

/** The closed months from rollups alone: the fleet's whole days (cached) and partial days (fleet.ts). */
async function rollupOnly(
  targets: RuntimeTarget[],
  fleetKey: string,
  windows: WindowBounds[],
  now: Date,
): Promise<KpiValues[]> {
  const fleet: Fleet = {
    key: fleetKey,
    ids: targets.map((t) => t.id),
    timed: targets.filter((t) => t.kind !== "prometheus").map((t) => t.id),
  };
  const spans = (round: boolean): Span[] =>
    windows.map((w) => {
      const b = bounds(w, round);
      return { from: b.a.getTime(), to: b.b.getTime(), ds: b.ds.getTime(), de: b.de.getTime() };
    });
  // Checks from the start rounded down to the hour (as getUptime); the other metrics from the hours
  // starting in the window (as computeRuntime). The same spans unless a month starts off the hour.
  const checkSpans = spans(true);
  const metricSpans = spans(false);
  const checks = await fleetFigures(fleet, checkSpans, now);
  const same = checkSpans.every((s, i) => JSON.stringify(s) === JSON.stringify(metricSpans[i]));
  const metrics = same ? checks : await fleetFigures(fleet, metricSpans, now);
  return windows.map((_, i) => {
    const c = checks[i]!;
    const m = metrics[i]!;
    const out: KpiValues = {
      [`${FLEET_PREFIX}uptime_pct`]: { value: c.checks > 0 ? (c.ok / c.checks) * 100 : null, count: c.checks },
    };
    const merged: Sketch = { z: m.z, p: Object.fromEntries(m.p), n: {} };
    for (const [key, q] of [
      ["response_p50_ms", 0.5],
      ["response_p95_ms", 0.95],
      ["response_p99_ms", 0.99],
    ] as const)
      out[`${FLEET_PREFIX}${key}`] = {
        value: m.rows > 0 && m.min !== null && m.max !== null ? sketchQuantile(merged, q, m.min, m.max) : null,
      };
    return out;
  });
}

/**
 * The fleet runtime KPIs of each window (months of the trend). `skip`: indexes of windows the caller
 * computes with computeRuntime anyway (the page's month and the one before); they are left empty.
 */
export async function computeRuntimeTrend(
  targets: RuntimeTarget[],
  windows: WindowBounds[],
  skip: ReadonlySet<number> = new Set(),
  now = new Date(),
): Promise<KpiValues[]> {
  const out: KpiValues[] = windows.map(() => ({}));
  if (targets.length === 0) return out;
  const horizon = now.getTime() - getEnv().STEWARD_HEALTH_RAW_RETENTION_DAYS * DAY_MS;
  const ids = targets.map((t) => t.id);
  const todo = windows.map((w, i) => ({ w, i })).filter(({ i }) => !skip.has(i));
  const maintained = await Promise.all(
    todo.map(async ({ w }) => (await maintenanceSpans(ids, bounds(w, true).a, w.end)).length > 0),
  );
  const closed = todo.filter(({ w }, j) => w.end.getTime() <= horizon && !maintained[j]);
  const exact = todo.filter((x) => !closed.includes(x));
  // A closed month's figures cannot change while the same targets exist (its rollups are final; a
  // maintenance window added later sends it down the exact path): computed once per process.
  const fleet = createHash("sha1")
    .update(targets.map((t) => `${t.id}:${t.kind}`).join(","))
    .digest("hex");
  const keyOf = (w: WindowBounds) => `${fleet} ${w.start.getTime()} ${w.end.getTime()}`;
  const grouped = closed.filter((x) => !closedMonths.has(keyOf(x.w)));
  const [fromRollups, fromRuntime] = await Promise.all([
    grouped.length
      ? rollupOnly(
          targets,
          fleet,
          grouped.map((x) => x.w),
          now,
        )
      : [],
    exact.length
      ? computeRuntime(
          targets,
          exact.map((x) => x.w),
          now,
        )
      : [],
  ]);
  grouped.forEach((x, j) => remember(keyOf(x.w), fromRollups[j]!));
  closed.forEach((x) => (out[x.i] = closedMonths.get(keyOf(x.w))!));
  exact.forEach((x, j) => (out[x.i] = fromRuntime[j]!));
  return out;
}
