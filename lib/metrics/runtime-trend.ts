// The Metrics page's 12-month runtime trend: the fleet's uptime and response-time percentiles per
// month, with the same definitions as the fleet KPIs (runtime.ts). A month that lies wholly before
// the raw retention and has no maintenance is read in one grouped query over all such months: there
// the rollups are all that is left, and getUptime itself counts exactly them (whole UTC days from day
// rollups, the hours at the zone's month edges from hour rollups, the start rounded down to the
// hour). Any other month (raw samples still kept, maintenance to leave out) is counted by
// computeRuntime, as the page's own period is.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { maintenanceSpans } from "@/lib/health/views/uptime";
import { sketchQuantile, type Sketch } from "@/lib/health/store/sketch";
import { computeRuntime, FLEET_PREFIX, type RuntimeTarget } from "./runtime";
import type { KpiValues, WindowBounds } from "./types";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The fleet KPIs drawn as trends. */
export const RUNTIME_TREND_IDS = ["uptime_pct", "response_p50_ms", "response_p95_ms", "response_p99_ms"].map(
  (k) => `${FLEET_PREFIX}${k}`,
);

type Bounds = { a: Date; b: Date; ds: Date; de: Date };
/** [a, b): the window (`round`: its start rounded down to the hour); [ds, de): its whole UTC days (empty: ds = de = b). */
function bounds(w: WindowBounds, round: boolean): Bounds {
  const a = round ? Math.floor(w.start.getTime() / HOUR_MS) * HOUR_MS : w.start.getTime();
  const b = w.end.getTime();
  let ds = Math.ceil(a / DAY_MS) * DAY_MS;
  let de = Math.floor(b / DAY_MS) * DAY_MS;
  if (ds >= de) ds = de = b;
  return { a: new Date(a), b: new Date(b), ds: new Date(ds), de: new Date(de) };
}

type CountRow = { i: number; checks: number; ok: number };
type SketchRow = { i: number; k: number; c: number };
type RangeRow = { i: number; n: number; min: number | null; max: number | null; z: number };

async function rollupOnly(targets: RuntimeTarget[], windows: WindowBounds[]): Promise<KpiValues[]> {
  const ids = targets.map((t) => t.id);
  const timed = targets.filter((t) => t.kind !== "prometheus").map((t) => t.id);
  // Checks from the start rounded down to the hour (as getUptime); the other metrics from the hours
  // starting in the window (as computeRuntime).
  const checkBounds = windows.map((w) => bounds(w, true));
  const metricBounds = windows.map((w) => bounds(w, false));
  const cte = (bs: Bounds[]) => {
    const col = (k: keyof Bounds) => bs.map((w) => w[k].toISOString());
    return Prisma.sql`WITH w AS (SELECT * FROM unnest(${col("a")}::timestamptz[], ${col("b")}::timestamptz[],
      ${col("ds")}::timestamptz[], ${col("de")}::timestamptz[]) WITH ORDINALITY AS w(a, b, ds, de, i))`;
  };
  const inWindow = Prisma.sql`(
        (r.bucket = 'day' AND r."bucketStart" >= w.ds AND r."bucketStart" < w.de)
        OR (r.bucket = 'hour' AND r."bucketStart" >= w.a AND r."bucketStart" < w.b
          AND NOT (r."bucketStart" >= w.ds AND r."bucketStart" < w.de)))`;
  const [counts, sketch, ranges] = await Promise.all([
    db.$queryRaw<CountRow[]>`
      ${cte(checkBounds)}
      SELECT w.i::int AS i, coalesce(sum(r.count), 0)::float8 AS checks, coalesce(sum(r."okCount"), 0)::float8 AS ok
      FROM w JOIN "HealthRollup" r ON r."targetId" = ANY(${ids}::uuid[]) AND r.metric = 'check' AND ${inWindow}
      GROUP BY w.i`,
    db.$queryRaw<SketchRow[]>`
      ${cte(metricBounds)}
      SELECT w.i::int AS i, e.key::int AS k, sum(e.value::float8)::float8 AS c
      FROM w JOIN "HealthRollup" r ON r."targetId" = ANY(${timed}::uuid[]) AND r.metric = 'response_time_ms' AND ${inWindow}
      CROSS JOIN LATERAL jsonb_each_text(r.sketch -> 'p') e
      GROUP BY 1, 2`,
    db.$queryRaw<RangeRow[]>`
      ${cte(metricBounds)}
      SELECT w.i::int AS i, count(*)::int AS n, min(r.min)::float8 AS min, max(r.max)::float8 AS max,
        coalesce(sum((r.sketch ->> 'z')::float8), 0)::float8 AS z
      FROM w JOIN "HealthRollup" r ON r."targetId" = ANY(${timed}::uuid[]) AND r.metric = 'response_time_ms' AND ${inWindow}
      GROUP BY w.i`,
  ]);
  return windows.map((_, index) => {
    const i = index + 1;
    const c = counts.find((r) => r.i === i);
    const range = ranges.find((r) => r.i === i);
    const out: KpiValues = {
      [`${FLEET_PREFIX}uptime_pct`]: {
        value: c && c.checks > 0 ? (c.ok / c.checks) * 100 : null,
        count: c?.checks ?? 0,
      },
    };
    const merged: Sketch = { z: range?.z ?? 0, p: {}, n: {} };
    for (const r of sketch) if (r.i === i) merged.p[r.k] = r.c;
    const has = range && range.min !== null && range.max !== null && range.n > 0;
    for (const [key, q] of [
      ["response_p50_ms", 0.5],
      ["response_p95_ms", 0.95],
      ["response_p99_ms", 0.99],
    ] as const)
      out[`${FLEET_PREFIX}${key}`] = { value: has ? sketchQuantile(merged, q, range.min!, range.max!) : null };
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
  const grouped = todo.filter(({ w }, j) => w.end.getTime() <= horizon && !maintained[j]);
  const exact = todo.filter((x) => !grouped.includes(x));
  const [fromRollups, fromRuntime] = await Promise.all([
    grouped.length
      ? rollupOnly(
          targets,
          grouped.map((x) => x.w),
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
  grouped.forEach((x, j) => (out[x.i] = fromRollups[j]!));
  exact.forEach((x, j) => (out[x.i] = fromRuntime[j]!));
  return out;
}
