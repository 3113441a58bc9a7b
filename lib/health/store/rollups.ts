/**
 * Minute, hour and day rollups (UTC) of raw health samples.
 *
 * Recording a sample marks its (target, metric, minute) in HealthRollupPending in the same
 * transaction. A rollup run recomputes each marked minute from raw samples, then the hour holding
 * it from its minute rollups and the day from its hour rollups, and overwrites those rows — so a
 * run is idempotent and a late sample (pushes may be up to a day old) is folded in like any other.
 * A mark is cleared only if its version is still the one read, so a sample that arrives during a
 * run is rolled up by the next one. Percentiles: see sketch.ts (within 1 % of the exact value).
 */
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { Prisma, type HealthRollupBucket } from "@/lib/generated/prisma/client";
import { CHECK_METRIC } from "./record";
import { rawSamplesSql, ts } from "./raw-samples-sql";
import { mergeStats, percentilesOf, statsOf, type RollupStats, type Sketch } from "./sketch";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const BUCKET_MS: Record<HealthRollupBucket, number> = { minute: MINUTE_MS, hour: HOUR_MS, day: DAY_MS };
const MARKS_PER_BATCH = 500;

type Mark = { targetId: string; metric: string; minute: Date; version: number };
type RollupRow = {
  targetId: string;
  metric: string;
  bucket: HealthRollupBucket;
  bucketStart: Date;
  stats: RollupStats;
};
export type RollupSummary = { minutes: number; hours: number; days: number; skipped: number };

const floorTo = (ms: number, size: number) => Math.floor(ms / size) * size;

async function upsertRollups(rows: RollupRow[]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map(({ targetId, metric, bucket, bucketStart, stats }) => {
    const { p50, p95, p99 } = percentilesOf(stats);
    return Prisma.sql`(${targetId}::uuid, ${metric}, ${bucket}::"HealthRollupBucket", ${bucketStart}::timestamptz, ${stats.count}::int,
      ${stats.okCount}::int, ${stats.sum}::float8, ${stats.min}::float8, ${stats.max}::float8, ${p50}::float8, ${p95}::float8,
      ${p99}::float8, ${JSON.stringify(stats.sketch)}::jsonb, now())`;
  });
  await db.$executeRaw`INSERT INTO "HealthRollup"
      ("targetId", "metric", "bucket", "bucketStart", "count", "okCount", "sum", "min", "max", "p50", "p95", "p99", "sketch", "updatedAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("targetId", "metric", "bucket", "bucketStart") DO UPDATE SET
      "count" = EXCLUDED."count", "okCount" = EXCLUDED."okCount", "sum" = EXCLUDED."sum", "min" = EXCLUDED."min",
      "max" = EXCLUDED."max", "p50" = EXCLUDED."p50", "p95" = EXCLUDED."p95", "p99" = EXCLUDED."p99",
      "sketch" = EXCLUDED."sketch", "updatedAt" = now()`;
}

/** Minute stats from raw samples; minutes without raw samples (already past retention) are left alone. */
async function minuteRollups(targetId: string, metric: string, minutes: number[]): Promise<RollupRow[]> {
  // One range read over the marked minutes (staged and sealed samples alike); minutes not marked are skipped.
  const first = Math.min(...minutes);
  const last = Math.max(...minutes);
  const marked = new Set(minutes);
  const raw = await db.$queryRaw<Array<{ at: Date; value: number; ok: boolean | null }>>`
    SELECT "at", value, ok FROM ${rawSamplesSql({ targetId: Prisma.sql`${targetId}::uuid`, metric, from: ts(new Date(first)), to: ts(new Date(last + MINUTE_MS)) })} s
    WHERE "at" < ${new Date(last + MINUTE_MS)}::timestamptz`;
  const byMinute = new Map<number, { values: number[]; oks: boolean[] }>();
  for (const s of raw) {
    const key = floorTo(s.at.getTime(), MINUTE_MS);
    if (!marked.has(key)) continue;
    const entry = byMinute.get(key) ?? { values: [], oks: [] };
    entry.values.push(s.value);
    entry.oks.push(s.ok === true);
    byMinute.set(key, entry);
  }
  return [...byMinute].map(([start, { values, oks }]) => ({
    targetId,
    metric,
    bucket: "minute" as const,
    bucketStart: new Date(start),
    stats: statsOf(values, metric === CHECK_METRIC ? oks : undefined),
  }));
}

/** An hour (or day) rollup as the merge of the minute (or hour) rollups inside it. */
async function mergedRollups(
  targetId: string,
  metric: string,
  bucket: "hour" | "day",
  starts: number[],
): Promise<RollupRow[]> {
  const child: HealthRollupBucket = bucket === "hour" ? "minute" : "hour";
  const size = BUCKET_MS[bucket];
  const rows = await db.healthRollup.findMany({
    where: {
      targetId,
      metric,
      bucket: child,
      OR: starts.map((s) => ({ bucketStart: { gte: new Date(s), lt: new Date(s + size) } })),
    },
  });
  const groups = new Map<number, RollupStats[]>();
  for (const r of rows) {
    const key = floorTo(r.bucketStart.getTime(), size);
    const stats: RollupStats = {
      count: r.count,
      sum: r.sum,
      min: r.min,
      max: r.max,
      okCount: r.okCount,
      sketch: r.sketch as unknown as Sketch,
    };
    const list = groups.get(key) ?? [];
    list.push(stats);
    groups.set(key, list);
  }
  return [...groups].map(([start, parts]) => ({
    targetId,
    metric,
    bucket,
    bucketStart: new Date(start),
    stats: mergeStats(parts),
  }));
}

/**
 * Bumps the revision of each UTC day whose rollups a run rewrote, after the rewrite and before its marks
 * are cleared: a reader that saw neither a mark nor a newer revision read the final rollups.
 */
export async function bumpRevisions(days: Set<number>): Promise<void> {
  if (days.size === 0) return;
  const list = [...days].map((d) => new Date(d).toISOString());
  await db.$executeRaw`INSERT INTO "HealthRollupRevision" ("day", "revision")
    SELECT d, 1 FROM unnest(${list}::timestamptz[]) AS d
    ON CONFLICT ("day") DO UPDATE SET "revision" = "HealthRollupRevision"."revision" + 1`;
}

async function rollupMarks(marks: Mark[], summary: RollupSummary, revised: Set<number>): Promise<void> {
  const groups = new Map<string, { targetId: string; metric: string; minutes: number[] }>();
  for (const m of marks) {
    const key = `${m.targetId}|${m.metric}`;
    const g = groups.get(key) ?? { targetId: m.targetId, metric: m.metric, minutes: [] };
    g.minutes.push(m.minute.getTime());
    groups.set(key, g);
  }
  for (const { targetId, metric, minutes } of groups.values()) {
    const minuteRows = await minuteRollups(targetId, metric, minutes);
    await upsertRollups(minuteRows);
    const hours = [...new Set(minuteRows.map((r) => floorTo(r.bucketStart.getTime(), HOUR_MS)))];
    const hourRows = hours.length > 0 ? await mergedRollups(targetId, metric, "hour", hours) : [];
    await upsertRollups(hourRows);
    const days = [...new Set(hourRows.map((r) => floorTo(r.bucketStart.getTime(), DAY_MS)))];
    const dayRows = days.length > 0 ? await mergedRollups(targetId, metric, "day", days) : [];
    await upsertRollups(dayRows);
    for (const d of days) revised.add(d);
    summary.minutes += minuteRows.length;
    summary.hours += hourRows.length;
    summary.days += dayRows.length;
    summary.skipped += minutes.length - minuteRows.length;
  }
}

/** Clears marks still at the version read; a mark bumped meanwhile (a sample arrived mid-run) stays for the next run. */
export async function clearRollupMarks(marks: Mark[]): Promise<void> {
  const rows = marks.map(
    (m) => Prisma.sql`(${m.targetId}::uuid, ${m.metric}, ${m.minute}::timestamptz, ${m.version}::int)`,
  );
  await db.$executeRaw`DELETE FROM "HealthRollupPending" p USING (VALUES ${Prisma.join(rows)}) AS done("targetId", "metric", "minute", "version")
    WHERE p."targetId" = done."targetId" AND p."metric" = done."metric" AND p."minute" = done."minute" AND p."version" = done."version"`;
}

/**
 * Rolls up every marked minute (the `health-rollups` job, every minute). Marks older than the raw
 * retention are dropped: their minute rollups are gone, so their hour could not be rebuilt.
 */
export async function rollupPendingMinutes(
  options: { targetIds?: string[]; now?: Date; maxBatches?: number } = {},
): Promise<RollupSummary> {
  const now = options.now ?? new Date();
  const horizon = new Date(now.getTime() - getEnv().STEWARD_HEALTH_RAW_RETENTION_DAYS * DAY_MS);
  const scope = options.targetIds ? Prisma.sql`AND "targetId" = ANY(${options.targetIds}::uuid[])` : Prisma.empty;
  const summary: RollupSummary = { minutes: 0, hours: 0, days: 0, skipped: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 100); batch++) {
    const marks = await db.$queryRaw<Mark[]>`SELECT "targetId", "metric", "minute", "version" FROM "HealthRollupPending"
      WHERE true ${scope} ORDER BY "minute", "targetId", "metric" LIMIT ${MARKS_PER_BATCH}::int`;
    if (marks.length === 0) break;
    const live = marks.filter((m) => m.minute >= horizon);
    summary.skipped += marks.length - live.length;
    const revised = new Set<number>();
    await rollupMarks(live, summary, revised);
    await bumpRevisions(revised);
    await clearRollupMarks(marks);
  }
  return summary;
}
