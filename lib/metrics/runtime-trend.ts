// The Metrics page's 12-month runtime trend: the fleet's uptime and response-time percentiles per
// month, with the same definitions as the fleet KPIs (runtime.ts). A month that lies wholly before
// the raw retention and has no maintenance is read in one grouped query over all such months: there
// the rollups are all that is left, and getUptime itself counts exactly them (whole UTC days from day
// rollups, the hours at the zone's month edges from hour rollups, the start rounded down to the
// hour). Any other month (raw samples still kept, maintenance to leave out) is counted by
// computeRuntime, as the page's own period is.
import "server-only";
import { createHash } from "node:crypto";
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

/** Closed months' fleet figures by fleet and window; bounded, the oldest entries go first. */
const closedMonths = new Map<string, KpiValues>();
const MAX_CLOSED = 1000;
function remember(key: string, values: KpiValues): void {
  closedMonths.set(key, values);
  if (closedMonths.size > MAX_CLOSED) closedMonths.delete(closedMonths.keys().next().value!);
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
  // Per window, three index ranges of the (bucket, bucketStart) index: its whole UTC days, the hours
  // before them and the hours after them (a LATERAL per window: as one join with OR-ed ranges the
  // planner scanned the whole rollup table, 7 s for 10 months at 1,000 targets). The targets are a
  // hashed list applied after the ranges: as "targetId" = ANY(…) inside each range the primary key was
  // probed once per target, range and month (148,000 buffers for the checks at 1,000 targets; 2,400 now).
  const rows = (bs: Bounds[], metric: string, targetIds: string[], columns: Prisma.Sql) => {
    const col = (k: keyof Bounds) => bs.map((w) => w[k].toISOString());
    const part = (bucket: Prisma.Sql, from: Prisma.Sql, to: Prisma.Sql) => Prisma.sql`
      SELECT r."targetId", ${columns} FROM "HealthRollup" r WHERE r.bucket = ${bucket}::"HealthRollupBucket"
        AND r."bucketStart" >= ${from} AND r."bucketStart" < ${to} AND r.metric = ${metric}`;
    return Prisma.sql`(SELECT w.i::int AS i, r.* FROM unnest(${col("a")}::timestamptz[], ${col("b")}::timestamptz[],
      ${col("ds")}::timestamptz[], ${col("de")}::timestamptz[]) WITH ORDINALITY AS w(a, b, ds, de, i)
      CROSS JOIN LATERAL (
        ${part(Prisma.sql`'day'`, Prisma.sql`w.ds`, Prisma.sql`w.de`)}
        UNION ALL ${part(Prisma.sql`'hour'`, Prisma.sql`w.a`, Prisma.sql`w.ds`)}
        UNION ALL ${part(Prisma.sql`'hour'`, Prisma.sql`w.de`, Prisma.sql`w.b`)}
      ) r WHERE r."targetId" IN (SELECT unnest(${targetIds}::uuid[])))`;
  };
  const response = rows(metricBounds, "response_time_ms", timed, Prisma.sql`r.min, r.max, r.sketch`);
  const [counts, sketch, ranges] = await Promise.all([
    db.$queryRaw<CountRow[]>`
      SELECT x.i, sum(x.count)::float8 AS checks, coalesce(sum(x."okCount"), 0)::float8 AS ok
      FROM ${rows(checkBounds, "check", ids, Prisma.sql`r.count, r."okCount"`)} x GROUP BY x.i`,
    // Response times are never negative: the sketches' positive buckets and their zeros.
    db.$queryRaw<SketchRow[]>`
      SELECT x.i, e.key::int AS k, sum(e.value::float8)::float8 AS c
      FROM ${response} x CROSS JOIN LATERAL jsonb_each_text(x.sketch -> 'p') e GROUP BY 1, 2`,
    db.$queryRaw<RangeRow[]>`
      SELECT x.i, count(*)::int AS n, min(x.min)::float8 AS min, max(x.max)::float8 AS max,
        coalesce(sum((x.sketch ->> 'z')::float8), 0)::float8 AS z
      FROM ${response} x GROUP BY x.i`,
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
  grouped.forEach((x, j) => remember(keyOf(x.w), fromRollups[j]!));
  closed.forEach((x) => (out[x.i] = closedMonths.get(keyOf(x.w))!));
  exact.forEach((x, j) => (out[x.i] = fromRuntime[j]!));
  return out;
}
