// The fleet's figures over a span of time for the runtime trend (trend.ts): every target's
// checks and successful checks, and the timed targets' response-time rows merged (row count, min,
// max, zeros and positive buckets; response times are never negative). Whole UTC days come from day
// rollups and are kept in this process per day while its version (days.ts) and the set of
// targets hold: a year of days is ~400 small entries, so a month in a time zone not asked before
// reads only its partial days. Those are read from their hours, or, when longer than 12 hours, as
// the day minus the hours outside them (whole counts, so exact: the same rule as rollups.ts).
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HOUR_ROLLUP_RETENTION_DAYS } from "@/lib/health/store/retention";
import { CHECKS, dayVersions, SKETCHED } from "./days";
import { rollupRowsInRanges, type RollupRange } from "./ranges";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export type FleetFigures = {
  checks: number;
  ok: number;
  /** Response-time rollup rows, their minimum and maximum (null without rows), zeros and buckets. */
  rows: number;
  min: number | null;
  max: number | null;
  z: number;
  p: Map<number, number>;
};

export const emptyFleet = (): FleetFigures => ({ checks: 0, ok: 0, rows: 0, min: null, max: null, z: 0, p: new Map() });

/** Adds `b` into `a`. */
function addInto(a: FleetFigures, b: FleetFigures): void {
  a.checks += b.checks;
  a.ok += b.ok;
  a.rows += b.rows;
  a.z += b.z;
  if (b.min !== null) a.min = a.min === null ? b.min : Math.min(a.min, b.min);
  if (b.max !== null) a.max = a.max === null ? b.max : Math.max(a.max, b.max);
  addBuckets(a.p, b.p, 1);
}

/** The targets of the fleet: all of them (checks) and those whose response times are sketched. */
export type Fleet = { key: string; ids: string[]; timed: string[] };

/** Whole days by UTC midnight, for one fleet and day version; bounded, the least recently used go first. */
const days = new Map<number, { version: string; fleet: string; figures: FleetFigures }>();
const MAX_DAYS = 2000;

/**
 * Per range (`i`: the caller's index), the figures of its rollups of `bucket` starting in [from, to):
 * checks, response-time rows, min, max and zeros, and (`sketches`) the buckets.
 */
async function read(
  fleet: Fleet,
  bucket: "day" | "hour",
  ranges: RollupRange[],
  parts: { counts: boolean; numbers: boolean; sketches: boolean },
): Promise<Map<number, FleetFigures>> {
  const out = new Map<number, FleetFigures>(ranges.map((r) => [r.i, emptyFleet()]));
  if (ranges.length === 0) return out;
  const spans = (metric: string, ids: string[], columns: Prisma.Sql) =>
    rollupRowsInRanges(bucket, metric, ids, ranges, columns);
  const timedRows = spans(SKETCHED, fleet.timed, Prisma.sql`h.min, h.max, h.sketch`);
  const [counts, numbers, sketches] = await Promise.all([
    parts.counts
      ? db.$queryRaw<Array<{ i: number; checks: number; ok: number }>>`
          SELECT x.i, sum(x.count)::float8 AS checks, coalesce(sum(x."okCount"), 0)::float8 AS ok
          FROM ${spans(CHECKS, fleet.ids, Prisma.sql`h.count, h."okCount"`)} x GROUP BY x.i`
      : [],
    parts.numbers
      ? db.$queryRaw<Array<{ i: number; n: number; min: number | null; max: number | null; z: number }>>`
          SELECT x.i, count(*)::int AS n, min(x.min)::float8 AS min, max(x.max)::float8 AS max,
            coalesce(sum((x.sketch ->> 'z')::float8), 0)::float8 AS z
          FROM ${timedRows} x GROUP BY x.i`
      : [],
    parts.sketches
      ? db.$queryRaw<Array<{ i: number; k: number; c: number }>>`
          SELECT x.i, e.key::int AS k, sum(e.value::float8)::float8 AS c
          FROM ${timedRows} x CROSS JOIN LATERAL jsonb_each_text(x.sketch -> 'p') e GROUP BY 1, 2`
      : [],
  ]);
  for (const c of counts) Object.assign(out.get(c.i)!, { checks: c.checks, ok: c.ok });
  for (const r of numbers) Object.assign(out.get(r.i)!, { rows: r.n, min: r.min, max: r.max, z: r.z });
  for (const s of sketches) out.get(s.i)!.p.set(s.k, s.c);
  return out;
}

/** The fleet's whole UTC days (UTC midnights), cached per version; pending: whether late samples wait in each. */
async function wholeDays(
  fleet: Fleet,
  starts: number[],
): Promise<Map<number, { figures: FleetFigures; clean: boolean }>> {
  const versions = await dayVersions(starts);
  const version = (d: number) => versions.get(d)?.version ?? "";
  const missing = starts.filter((d) => {
    const hit = days.get(d);
    return !hit || hit.version !== version(d) || hit.fleet !== fleet.key;
  });
  // Days in chunks on parallel connections: merging a day's 1,000 sketches is ~40 ms of one backend.
  const chunks: number[][] = [];
  for (let i = 0; i < missing.length; i += 8) chunks.push(missing.slice(i, i + 8));
  const loaded = await Promise.all(
    chunks.map((chunk) =>
      read(
        fleet,
        "day",
        chunk.map((d) => ({ i: d / DAY_MS, from: d, to: d + DAY_MS })),
        { counts: true, numbers: true, sketches: true },
      ),
    ),
  );
  for (const part of loaded)
    for (const [i, figures] of part) {
      const d = i * DAY_MS;
      days.delete(d);
      days.set(d, { version: version(d), fleet: fleet.key, figures });
    }
  while (days.size > MAX_DAYS) days.delete(days.keys().next().value!);
  return new Map(starts.map((d) => [d, { figures: days.get(d)!.figures, clean: versions.get(d)?.pending === false }]));
}

/** A span of time: [from, to) of hour rollup starts, with its whole UTC days [ds, de) (empty: ds = de). */
export type Span = { from: number; to: number; ds: number; de: number };

/**
 * The fleet's figures of each span: its whole days from the day cache, the hours before and after them
 * from hour rollups. `subtract` false reads every partial day from its own hours.
 */
export async function fleetFigures(fleet: Fleet, spans: Span[], now: Date, subtract = true): Promise<FleetFigures[]> {
  const starts = new Set<number>();
  for (const s of spans) for (let d = s.ds; d < s.de; d += DAY_MS) starts.add(d);
  type Edge = { span: number; from: number; to: number; day: number };
  const edges: Edge[] = spans.flatMap((s, span) =>
    [
      { span, from: s.from, to: Math.min(s.ds, s.to) },
      { span, from: Math.max(s.de, s.from), to: s.to },
    ]
      .filter((e) => e.from < e.to)
      .map((e) => ({ ...e, day: Math.floor(e.from / DAY_MS) * DAY_MS })),
  );
  const hoursKept = now.getTime() - (HOUR_ROLLUP_RETENTION_DAYS - 1) * DAY_MS;
  const wide = subtract
    ? edges.filter((e) => e.to - e.from > 12 * HOUR_MS && e.to <= e.day + DAY_MS && e.day >= hoursKept)
    : [];
  for (const e of wide) starts.add(e.day);
  const whole = await wholeDays(fleet, [...starts]);
  const subtracted = wide.filter((e) => whole.get(e.day)!.clean);
  // Every edge's checks and numbers from its own hours; its buckets from them too, or (subtracted) as
  // its day's minus those of the day's other hours.
  const hours = (list: Edge[]) => list.map((e, i) => ({ i, from: e.from, to: e.to }));
  const others = subtracted.flatMap((e) => [
    { e, from: e.day, to: e.from },
    { e, from: e.to, to: e.day + DAY_MS },
  ]);
  const direct = edges.filter((e) => !subtracted.includes(e));
  const [own, buckets, outside] = await Promise.all([
    read(fleet, "hour", hours(edges), { counts: true, numbers: true, sketches: false }),
    read(fleet, "hour", hours(direct), { counts: false, numbers: false, sketches: true }),
    read(fleet, "hour", hours(others.map((o) => ({ ...o.e, from: o.from, to: o.to }))), {
      counts: false,
      numbers: false,
      sketches: true,
    }),
  ]);
  // A subtracted edge's buckets on their own: a day that is not the merge of its hours (rollups edited
  // or trimmed by hand) leaves a negative count there (in the span's total another edge could hide it).
  const parts = new Map(subtracted.map((e) => [e, new Map(whole.get(e.day)!.figures.p)]));
  others.forEach((o, i) => addBuckets(parts.get(o.e)!, outside.get(i)!.p, -1));
  if ([...parts.values()].some((p) => [...p.values()].some((c) => c < 0)))
    return fleetFigures(fleet, spans, now, false);
  const out = spans.map(() => emptyFleet());
  for (const s of spans.keys())
    for (let d = spans[s]!.ds; d < spans[s]!.de; d += DAY_MS) addInto(out[s]!, whole.get(d)!.figures);
  edges.forEach((e, i) => addInto(out[e.span]!, own.get(i)!));
  direct.forEach((e, i) => addBuckets(out[e.span]!.p, buckets.get(i)!.p, 1));
  for (const [e, p] of parts) addBuckets(out[e.span]!.p, p, 1);
  for (const f of out) for (const [k, c] of f.p) if (c === 0) f.p.delete(k);
  return out;
}

function addBuckets(into: Map<number, number>, p: Map<number, number>, sign: 1 | -1): void {
  for (const [k, c] of p) into.set(k, (into.get(k) ?? 0) + sign * c);
}

/** Tests and benchmarks: the next read loads every day again. */
export function clearFleetDays(): void {
  days.clear();
}
