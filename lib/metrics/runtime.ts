// Runtime KPIs per health target for a window, from the health feature's own numbers: uptime from
// lib/health/views/uptime.ts, everything else from hourly rollups (response-time sketches merged).
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HOUR_ROLLUP_RETENTION_DAYS } from "@/lib/health/store/retention";
import { mergeSketches, sketchQuantile, SketchSum, type Sketch } from "@/lib/health/store/sketch";
import type { KpiSpec } from "./definitions";
import { cachedRuntime } from "./runtime-cache";
import { addDaySketch, CHECKS, MAX_CACHED_DAYS, readDays, ROLLUP_METRICS, SKETCHED } from "./runtime-days";
import { windowUptime } from "./runtime-uptime";
import type { KpiValues, WindowBounds } from "./types";

export type RuntimeTarget = { id: string; slug: string; name: string; kind: string };

const HOURLY =
  "Computed from the hourly rollups whose hour starts in the window (whole UTC days read as their day rollups, the merge of those hours).";
export const RUNTIME_METRICS = [
  {
    key: "uptime_pct",
    label: "Uptime",
    unit: "percent",
    good: "up",
    definition:
      "Successful checks ÷ all checks in the window × 100 (HTTP checks, Prometheus scrapes or push heartbeats; a missed heartbeat is a failed check). No value without checks.",
    target: { comparison: "gte", value: 99.9, amber: 99, text: "Uptime ≥ 99.9 %; amber from 99 %." },
  },
  {
    key: "response_p50_ms",
    label: "Response time p50",
    unit: "ms",
    good: "down",
    definition: `Median response time. HTTP and push targets: the nearest-rank percentile of every response time (merged sketches, ±1 %); Prometheus targets: the mean of the service's own scraped p50. ${HOURLY}`,
  },
  {
    key: "response_p95_ms",
    label: "Response time p95",
    unit: "ms",
    good: "down",
    definition: `95th-percentile response time, as for p50. ${HOURLY}`,
    target: {
      comparison: "lt",
      value: 100,
      amber: 200,
      text: "Response < 100 ms (runbook target); alert above 200 ms.",
    },
  },
  {
    key: "response_p99_ms",
    label: "Response time p99",
    unit: "ms",
    good: "down",
    definition: `99th-percentile response time, as for p50. ${HOURLY}`,
  },
  {
    key: "error_rate_pct",
    label: "Error rate",
    unit: "percent",
    good: "down",
    definition: `Mean of the sampled error-rate values. ${HOURLY}`,
    target: { comparison: "lt", value: 0.1, amber: 1, text: "Error rate < 0.1 % (runbook target); alert above 1 %." },
  },
  {
    key: "throughput_rps",
    label: "Throughput",
    unit: "per_second",
    good: "up",
    definition: `Mean of the sampled throughput values (requests per second). ${HOURLY}`,
  },
  {
    key: "memory_peak_pct",
    label: "Peak memory",
    unit: "percent",
    good: "down",
    definition: `Highest sampled memory use. ${HOURLY}`,
    target: { comparison: "lt", value: 90, amber: 95, text: "Memory below the 90 % alert level; amber up to 95 %." },
  },
] as const;

export function runtimeSpecs(target: RuntimeTarget): KpiSpec[] {
  return RUNTIME_METRICS.map((m) => ({
    id: `runtime.${target.slug}.${m.key}`,
    label: `${target.name}: ${m.label}`,
    unit: m.unit,
    good: m.good,
    group: "runtime",
    definition: m.definition,
    ...("target" in m ? { target: m.target } : {}),
  }));
}

/** Fleet KPIs: `runtime.*.<key>` ("*": all targets; a slug cannot start with it, so no target's ids collide). */
export const FLEET_PREFIX = "runtime.*.";
const FLEET_DEFINITION: Record<(typeof RUNTIME_METRICS)[number]["key"], string> = {
  uptime_pct:
    "All targets: successful checks ÷ all checks of every target in the window × 100, each target counted as for its own uptime (so a target checked more often weighs more). No value without checks.",
  response_p50_ms: `All HTTP and push targets' response times merged: the nearest-rank median of every response time in the window (merged sketches, ±1 %). Prometheus targets report their own percentiles, which cannot be merged, and are left out. ${HOURLY}`,
  response_p95_ms: `95th percentile of every HTTP and push response time in the window, as for p50. ${HOURLY}`,
  response_p99_ms: `99th percentile of every HTTP and push response time in the window, as for p50. ${HOURLY}`,
  error_rate_pct: `Mean of every sampled error-rate value of all targets. ${HOURLY}`,
  throughput_rps: `Sum over the targets of each one's mean sampled throughput: the fleet's requests per second. ${HOURLY}`,
  memory_peak_pct: `Highest sampled memory use of any target. ${HOURLY}`,
};

/** The fleet-wide runtime KPIs (the Metrics page's tiles; the per-target values are in its table and the report). */
export const RUNTIME_FLEET_SPECS: KpiSpec[] = RUNTIME_METRICS.map((m) => ({
  id: `${FLEET_PREFIX}${m.key}`,
  label: `All targets: ${m.label}`,
  unit: m.unit,
  good: m.good,
  group: "runtime",
  definition: FLEET_DEFINITION[m.key],
  ...("target" in m ? { target: m.target } : {}),
}));

export async function listRuntimeTargets(): Promise<RuntimeTarget[]> {
  return db.healthTarget.findMany({
    orderBy: [{ serviceGroup: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, kind: true },
  });
}

/** One target's metric over a window: the merged rollup statistics (a sketch only for response times). */
type MetricAggregate = {
  targetId: string;
  metric: string;
  count: number;
  sum: number;
  min: number;
  max: number;
  sketch: Sketch | null;
};

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type RollupRow = Omit<MetricAggregate, "sketch"> & { sketches: Sketch[] | null };
type Part = { bucket: "day" | "hour"; from: number; to: number };
const liveParts = (parts: Part[]) => parts.filter((p) => p.from < p.to);

/**
 * One SELECT per part, each one range of the (bucket, bucketStart) index; the targets are a hashed list
 * applied after the ranges: as "targetId" = ANY(…) the primary key was walked through every metric,
 * bucket and time of each target (66,000 buffers for a month at 1,000 targets; 3,000 now).
 */
const rangesSql = (parts: Part[], columns: Prisma.Sql, metrics: string[]) =>
  Prisma.join(
    parts.map(
      (p) => Prisma.sql`
    SELECT "targetId", ${columns} FROM "HealthRollup"
    WHERE bucket = ${p.bucket}::"HealthRollupBucket" AND "bucketStart" >= ${new Date(p.from)}
      AND "bucketStart" < ${new Date(p.to)} AND metric = ANY(${metrics}::text[])`,
    ),
    " UNION ALL ",
  );

/** Count, sum, min and max of `parts` per target and metric, with the response-time sketches when `sketches`. */
async function rollupsInDatabase(ids: string[], parts: Part[], sketches: boolean): Promise<RollupRow[]> {
  const live = liveParts(parts);
  if (live.length === 0) return [];
  const columns = sketches
    ? Prisma.sql`metric, count, sum, min, max, sketch`
    : Prisma.sql`metric, count, sum, min, max`;
  return db.$queryRaw<RollupRow[]>`
    SELECT "targetId"::text AS "targetId", metric, sum(count)::float8 AS count, sum(sum)::float8 AS sum,
      min(min)::float8 AS min, max(max)::float8 AS max,
      ${sketches ? Prisma.sql`CASE WHEN metric = ${SKETCHED} THEN jsonb_agg(sketch) END` : Prisma.sql`NULL::jsonb`} AS sketches
    FROM (${rangesSql(live, columns, ROLLUP_METRICS)}) r
    WHERE "targetId" IN (SELECT unnest(${ids}::uuid[]))
    GROUP BY "targetId", metric`;
}

/** The response-time sketches of `parts` per target (unmerged). */
async function sketchesInDatabase(
  ids: string[],
  parts: Part[],
): Promise<Array<{ targetId: string; sketches: Sketch[] }>> {
  const live = liveParts(parts);
  if (live.length === 0) return [];
  return db.$queryRaw`
    SELECT "targetId"::text AS "targetId", jsonb_agg(sketch) AS sketches
    FROM (${rangesSql(live, Prisma.sql`sketch`, [SKETCHED])}) r
    WHERE "targetId" IN (SELECT unnest(${ids}::uuid[]))
    GROUP BY "targetId"`;
}

/**
 * The window's rollups merged per target and metric. Whole UTC days inside the window come from day
 * rollups (each is the merge of its hours, rewritten in the same rollup run), the hours before the
 * first and after the last whole day from hour rollups: the same hours as reading hour rollups alone,
 * 24 times fewer rows. The whole days are read through this process's day cache (runtime-days.ts), so
 * a new window (another month or time zone) reads only the days no earlier window read. Of a partial
 * day covering more than 12 hours, the count, sum, minimum and maximum are read from its hours, and
 * its response-time sketch is the day's minus the sketches of the hours outside the window (whole
 * counts, so exact; only when no late sample waits in the day and its hours are still kept): a month in a zone 1 hour east of UTC
 * then reads 2 hours' sketches instead of 24.
 */
async function aggregateRollups(
  ids: string[],
  w: WindowBounds,
  now: Date,
  subtract = true,
): Promise<MetricAggregate[]> {
  const start = w.start.getTime();
  const end = w.end.getTime();
  const dayStart = Math.ceil(start / DAY_MS) * DAY_MS;
  const dayEnd = Math.max(dayStart, Math.floor(end / DAY_MS) * DAY_MS);
  const dayStarts: number[] = [];
  for (let d = dayStart; d < dayEnd; d += DAY_MS) dayStarts.push(d);
  const edges = liveParts([
    { bucket: "hour", from: start, to: Math.min(dayStart, end) },
    { bucket: "hour", from: Math.max(dayEnd, start), to: end },
  ]).map((e) => ({ ...e, day: Math.floor(e.from / DAY_MS) * DAY_MS }));
  // Hour rollups are trimmed after their retention; a day before it keeps only its day rollup.
  const hoursKept = now.getTime() - (HOUR_ROLLUP_RETENTION_DAYS - 1) * DAY_MS;
  const wide = edges.filter((e) => e.to - e.from > 12 * HOUR_MS && e.day >= hoursKept);
  if (dayStarts.length + wide.length > MAX_CACHED_DAYS) {
    // Longer than the day cache keeps: everything from the database, as one merge.
    const rows = await rollupsInDatabase(ids, [{ bucket: "day", from: dayStart, to: dayEnd }, ...edges], true);
    return rows.map(({ sketches, ...r }) => ({ ...r, sketch: sketches?.length ? mergeSketches(sketches) : null }));
  }
  const cached = await readDays([...dayStarts, ...wide.map((e) => e.day)]);
  const whole = cached.slice(0, dayStarts.length);
  const partial = new Map(wide.map((e, i) => [e, cached[dayStarts.length + i]!]));
  const subtracted = subtract ? wide.filter((e) => partial.get(e)!.clean) : [];
  // Sketches: the edges' own hours, or (subtracted) the hours of their day outside them.
  const plus = edges.filter((e) => !subtracted.includes(e));
  const minus = subtracted.flatMap((e): Part[] => [
    { bucket: "hour", from: e.day, to: e.from },
    { bucket: "hour", from: e.to, to: e.day + DAY_MS },
  ]);
  const [numbers, added, removed] = await Promise.all([
    rollupsInDatabase(ids, edges, false),
    sketchesInDatabase(ids, plus),
    sketchesInDatabase(ids, minus),
  ]);
  const out = new Map<string, MetricAggregate & { sum_: SketchSum | null }>();
  const entry = (targetId: string, metric: string) => {
    const key = `${targetId} ${metric}`;
    let a = out.get(key);
    if (!a) {
      const sum_ = metric === SKETCHED ? new SketchSum() : null;
      out.set(key, (a = { targetId, metric, count: 0, sum: 0, min: Infinity, max: -Infinity, sketch: null, sum_ }));
    }
    return a;
  };
  const add = (a: MetricAggregate, f: { count: number; sum: number; min: number; max: number }) => {
    a.count += f.count;
    a.sum += f.sum;
    a.min = Math.min(a.min, f.min);
    a.max = Math.max(a.max, f.max);
  };
  for (const day of whole)
    for (const id of ids) {
      const figures = day.figures.get(id);
      if (!figures) continue;
      for (const [metric, f] of figures) {
        if (metric === CHECKS) continue; // counted by windowUptime
        const a = entry(id, metric);
        add(a, f);
        if (a.sum_) addDaySketch(day, id, a.sum_);
      }
    }
  for (const r of numbers) add(entry(r.targetId, r.metric), r);
  for (const e of subtracted) for (const id of ids) addDaySketch(partial.get(e)!, id, entry(id, SKETCHED).sum_!);
  for (const r of added) for (const s of r.sketches) entry(r.targetId, SKETCHED).sum_!.addSketch(s);
  for (const r of removed) for (const s of r.sketches) entry(r.targetId, SKETCHED).sum_!.addSketch(s, -1);
  // A target whose rows all lie outside the window's parts (a subtracted day's other hours) has none.
  const merged = [...out.values()]
    .map(({ sum_, ...a }) => ({ ...a, sketch: sum_ ? sum_.result() : null }))
    .filter((a) => a.count > 0);
  // A day that is not the merge of its hours (rollups edited or trimmed by hand) leaves a negative
  // count: then its hours are read instead.
  const negative = (s: Sketch | null) =>
    !!s && (s.z < 0 || Object.values(s.p).some((c) => c < 0) || Object.values(s.n).some((c) => c < 0));
  if (subtracted.length > 0 && merged.some((a) => negative(a.sketch))) return aggregateRollups(ids, w, now, false);
  return merged;
}

type Fleet = {
  checks: number;
  ok: number;
  throughput: number | null;
  errors: { count: number; sum: number };
  memoryMax: number | null;
  response: { sketches: Sketch[]; min: number; max: number };
};
const newFleet = (): Fleet => ({
  checks: 0,
  ok: 0,
  throughput: null,
  errors: { count: 0, sum: 0 },
  memoryMax: null,
  response: { sketches: [], min: Infinity, max: -Infinity },
});

function addToFleet(f: Fleet, r: MetricAggregate, kind: string | undefined): void {
  if (r.metric === "error_rate_pct") {
    f.errors.count += r.count;
    f.errors.sum += r.sum;
  } else if (r.metric === "memory_pct" && r.count > 0) f.memoryMax = Math.max(f.memoryMax ?? -Infinity, r.max);
  else if (r.metric === SKETCHED && kind !== "prometheus" && r.sketch) {
    f.response.sketches.push(r.sketch);
    f.response.min = Math.min(f.response.min, r.min);
    f.response.max = Math.max(f.response.max, r.max);
  }
}

function fleetValues(f: Fleet): KpiValues {
  const merged = f.response.sketches.length > 0 ? mergeSketches(f.response.sketches) : null;
  const q = (x: number) => (merged ? sketchQuantile(merged, x, f.response.min, f.response.max) : null);
  return {
    [`${FLEET_PREFIX}uptime_pct`]: { value: f.checks === 0 ? null : (f.ok / f.checks) * 100, count: f.checks },
    [`${FLEET_PREFIX}response_p50_ms`]: { value: q(0.5) },
    [`${FLEET_PREFIX}response_p95_ms`]: { value: q(0.95) },
    [`${FLEET_PREFIX}response_p99_ms`]: { value: q(0.99) },
    [`${FLEET_PREFIX}error_rate_pct`]: { value: f.errors.count === 0 ? null : f.errors.sum / f.errors.count },
    [`${FLEET_PREFIX}throughput_rps`]: { value: f.throughput },
    [`${FLEET_PREFIX}memory_peak_pct`]: { value: f.memoryMax },
  };
}

/**
 * Per target and, under `runtime.*.`, for all targets together (RUNTIME_FLEET_SPECS). A finished
 * window is computed once and kept until a rollup run or a late sample changes its data (runtime-cache.ts).
 */
export async function computeRuntime(
  targets: RuntimeTarget[],
  windows: WindowBounds[],
  now = new Date(),
): Promise<KpiValues[]> {
  if (targets.length === 0) return windows.map(() => ({}));
  return cachedRuntime(targets, windows, now, (missing) => computeWindows(targets, missing, now));
}

async function computeWindows(targets: RuntimeTarget[], windows: WindowBounds[], now: Date): Promise<KpiValues[]> {
  const ids = targets.map((t) => t.id);
  const kindOf = new Map(targets.map((t) => [t.id, t.kind]));
  return Promise.all(
    windows.map(async (w) => {
      const out: KpiValues = {};
      if (ids.length === 0) return out;
      const [uptime, rollups] = await Promise.all([windowUptime(ids, w, now), aggregateRollups(ids, w, now)]);
      const byKey = new Map(rollups.map((r) => [`${r.targetId} ${r.metric}`, r]));
      const fleet = newFleet();
      for (const r of rollups) addToFleet(fleet, r, kindOf.get(r.targetId));
      for (const t of targets) {
        const row = (metric: string) => byKey.get(`${t.id} ${metric}`);
        const mean = (metric: string) => {
          const r = row(metric);
          return !r || r.count === 0 ? null : r.sum / r.count;
        };
        const quantile = (q: number) => {
          const r = row(SKETCHED);
          if (!r?.sketch) return null;
          return sketchQuantile(r.sketch, q, r.min, r.max);
        };
        const p = `runtime.${t.slug}.`;
        const u = uptime.get(t.id);
        out[`${p}uptime_pct`] = { value: u?.pct ?? null, count: u?.checks ?? 0 };
        const scraped = t.kind === "prometheus";
        out[`${p}response_p50_ms`] = { value: scraped ? mean("response_time_p50_ms") : quantile(0.5) };
        out[`${p}response_p95_ms`] = { value: scraped ? mean("response_time_ms") : quantile(0.95) };
        out[`${p}response_p99_ms`] = { value: scraped ? mean("response_time_p99_ms") : quantile(0.99) };
        out[`${p}error_rate_pct`] = { value: mean("error_rate_pct") };
        out[`${p}throughput_rps`] = { value: mean("throughput_rps") };
        out[`${p}memory_peak_pct`] = { value: row("memory_pct")?.max ?? null };
        if (u) fleet.checks += u.checks;
        if (u) fleet.ok += u.ok;
        const rps = out[`${p}throughput_rps`]!.value;
        if (rps !== null) fleet.throughput = (fleet.throughput ?? 0) + rps;
      }
      Object.assign(out, fleetValues(fleet));
      return out;
    }),
  );
}
