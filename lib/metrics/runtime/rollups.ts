// The rollup half of the runtime KPIs (index.ts): a window's hour and day rollups merged per target
// and metric, whole UTC days through the day cache (days.ts), partial days from their hours.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HOUR_ROLLUP_RETENTION_DAYS } from "@/lib/health/store/retention";
import { mergeSketches, SketchSum, type Sketch } from "@/lib/health/store/sketch";
import { addDaySketch, CHECKS, MAX_CACHED_DAYS, readDays, ROLLUP_METRICS, SKETCHED } from "./days";
import type { WindowBounds } from "../types";

/** One target's metric over a window: the merged rollup statistics (a sketch only for response times). */
export type MetricAggregate = {
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
 * 24 times fewer rows. The whole days are read through this process's day cache (days.ts), so
 * a new window (another month or time zone) reads only the days no earlier window read. Of a partial
 * day covering more than 12 hours, the count, sum, minimum and maximum are read from its hours, and
 * its response-time sketch is the day's minus the sketches of the hours outside the window (whole
 * counts, so exact; only when no late sample waits in the day and its hours are still kept): a month in a zone 1 hour east of UTC
 * then reads 2 hours' sketches instead of 24.
 */
export async function aggregateRollups(
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
  type Entry = MetricAggregate & { sum_: SketchSum | null };
  const byTarget = new Map<string, Map<string, Entry>>();
  const entry = (targetId: string, metric: string) => {
    let mine = byTarget.get(targetId);
    if (!mine) byTarget.set(targetId, (mine = new Map()));
    let a = mine.get(metric);
    if (!a) {
      const sum_ = metric === SKETCHED ? new SketchSum() : null;
      mine.set(metric, (a = { targetId, metric, count: 0, sum: 0, min: Infinity, max: -Infinity, sketch: null, sum_ }));
    }
    return a;
  };
  const entries = () => [...byTarget.values()].flatMap((m) => [...m.values()]);
  const add = (a: MetricAggregate, f: { count: number; sum: number; min: number; max: number }) => {
    a.count += f.count;
    a.sum += f.sum;
    a.min = Math.min(a.min, f.min);
    a.max = Math.max(a.max, f.max);
  };
  // The subtracted days first, checked on their own: a day that is not the merge of its hours (rollups
  // edited or trimmed by hand) leaves a negative count, which the window's other hours could hide.
  for (const e of subtracted) for (const id of ids) addDaySketch(partial.get(e)!, id, entry(id, SKETCHED).sum_!);
  for (const r of removed) for (const s of r.sketches) entry(r.targetId, SKETCHED).sum_!.addSketch(s, -1);
  if (subtracted.length > 0 && entries().some((a) => a.sum_?.hasNegative()))
    return aggregateRollups(ids, w, now, false);
  for (const id of ids)
    for (const day of whole) {
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
  for (const r of added) for (const s of r.sketches) entry(r.targetId, SKETCHED).sum_!.addSketch(s);
  // A target whose rows all lie outside the window's parts (a subtracted day's other hours) has none.
  const merged = entries()
    .map(({ sum_, ...a }) => {
      const sketch = sum_ ? sum_.result() : null;
      sum_?.release();
      return { ...a, sketch };
    })
    .filter((a) => a.count > 0);
  return merged;
}
