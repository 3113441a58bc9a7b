/**
 * Uptime % of a window = successful checks / checks outside maintenance in it × 100. A "check" is an
 * HTTP check, a Prometheus scrape or a push heartbeat; a missed heartbeat counts as a failed check.
 * Checks made while a maintenance window covered the target (directly or by its service group) are
 * counted apart (`maintenance`), neither up nor down. A window without checks is "no data" (null).
 *
 * Counted from hour rollups wherever they hold exactly what the raw samples would give: a whole hour
 * whose rollup exists and has no pending mark (a sample marks its minute in the same transaction, and
 * the mark is cleared only after the minute, hour and day rollups were rewritten), outside maintenance;
 * and from day rollups for the whole UTC days that hold no pending mark and no maintenance (a day
 * rollup is the merge of its hour rollups, so it gives the same counts from 24× fewer rows; a 90-day
 * window over many targets would otherwise read millions of hour rows). Raw samples for the rest: the partial hours at both ends, hours with pending marks or overlapping
 * maintenance, and the hours after a target's newest hour rollup (the rollup job lags). Before the raw
 * retention only rollups are left: the window's start is rounded down to the hour, and an hour that
 * overlaps maintenance counts as maintenance as a whole (hour granularity).
 */
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { occurrences } from "@/lib/incidents/maintenance";
import { CHECK_METRIC } from "../store/record";
import { rawSamplesSql } from "../store/raw-samples-sql";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface Uptime {
  checks: number;
  ok: number;
  /** Checks during maintenance: not in `checks`, `ok` or `pct`. */
  maintenance: number;
  /** null: no checks in the window. */
  pct: number | null;
  from: Date;
  to: Date;
  /** "raw": the window lies inside the raw retention, so the counts equal the raw samples'. */
  source: "raw" | "hour-rollups";
}

export function uptimePct(ok: number, checks: number): number | null {
  return checks === 0 ? null : (ok / checks) * 100;
}

type Span = { targetId: string; start: Date; end: Date };

/** Maintenance occurrences overlapping [from, to) per covered target. */
export async function maintenanceSpans(targetIds: string[], from: Date, to: Date): Promise<Span[]> {
  const windows = await db.maintenanceWindow.findMany();
  if (windows.length === 0) return [];
  const targets = await db.healthTarget.findMany({
    where: { id: { in: targetIds } },
    select: { id: true, serviceGroup: true },
  });
  return windows.flatMap((w) => {
    const occ = occurrences(w, from, to);
    if (occ.length === 0) return [];
    const covered = targets.filter((t) => w.targetIds.includes(t.id) || w.serviceGroups.includes(t.serviceGroup));
    return covered.flatMap((t) => occ.map((o) => ({ targetId: t.id, start: o.start, end: o.end })));
  });
}

type Counts = { checks: number; ok: number; maintenance: number };

/** [from, to): the window; [hs, he): its whole hours, [ds, de) its whole UTC days (empty: ds = de). */
type CountWindow = { from: Date; to: Date; hs: Date; he: Date; ds: Date; de: Date; horizon: Date };

/** The counting query (exported so the benchmark can EXPLAIN it). */
export function countChecksSql(ids: string[], w: CountWindow, spans: Span[]): Prisma.Sql {
  return Prisma.sql`
    WITH maint AS (
      SELECT * FROM unnest(${spans.map((s) => s.targetId)}::uuid[], ${spans.map((s) => s.start.toISOString())}::timestamptz[],
        ${spans.map((s) => s.end.toISOString())}::timestamptz[]) AS m("targetId", a, b)
    ), dirty AS (
      SELECT DISTINCT "targetId", to_timestamp(floor(extract(epoch FROM minute) / 3600) * 3600) AS hour FROM "HealthRollupPending"
      WHERE "targetId" = ANY(${ids}::uuid[]) AND metric = ${CHECK_METRIC} AND minute >= ${w.hs}::timestamptz AND minute < ${w.he}::timestamptz
    ), days AS (
      SELECT r."targetId", r."bucketStart" AS day, r.count, r."okCount" FROM "HealthRollup" r
      WHERE r."targetId" = ANY(${ids}::uuid[]) AND r.metric = ${CHECK_METRIC} AND r.bucket = 'day'
        AND r."bucketStart" >= ${w.ds}::timestamptz AND r."bucketStart" < ${w.de}::timestamptz
        AND NOT EXISTS (SELECT 1 FROM maint m WHERE m."targetId" = r."targetId" AND m.a < r."bucketStart" + interval '24 hours' AND m.b > r."bucketStart")
        AND NOT EXISTS (SELECT 1 FROM dirty d WHERE d."targetId" = r."targetId" AND d.hour >= r."bucketStart" AND d.hour < r."bucketStart" + interval '24 hours')
    ), gaps AS (
      SELECT t.id AS "targetId", g.day FROM unnest(${ids}::uuid[]) AS t(id)
      CROSS JOIN generate_series(${w.ds}::timestamptz, ${w.de}::timestamptz - interval '24 hours', interval '24 hours') AS g(day)
      WHERE NOT EXISTS (SELECT 1 FROM days d WHERE d."targetId" = t.id AND d.day = g.day)
    ), hours AS (
      SELECT r."targetId", r."bucketStart", r.count, r."okCount" FROM "HealthRollup" r
      WHERE r."targetId" = ANY(${ids}::uuid[]) AND r.metric = ${CHECK_METRIC} AND r.bucket = 'hour'
        AND ((r."bucketStart" >= ${w.hs}::timestamptz AND r."bucketStart" < ${w.ds}::timestamptz)
          OR (r."bucketStart" >= ${w.de}::timestamptz AND r."bucketStart" < ${w.he}::timestamptz))
      UNION ALL
      -- LATERAL (OFFSET 0 keeps it from being flattened into a join): one primary-key range per gap day.
      -- As a join, the planner, expecting 25× more gaps than there were, hashed every hour rollup of the
      -- table: 14 s for the current month at 1,000 targets.
      SELECT g."targetId", r."bucketStart", r.count, r."okCount" FROM gaps g CROSS JOIN LATERAL (
        SELECT r."bucketStart", r.count, r."okCount" FROM "HealthRollup" r WHERE r."targetId" = g."targetId"
          AND r.metric = ${CHECK_METRIC} AND r.bucket = 'hour' AND r."bucketStart" >= g.day AND r."bucketStart" < g.day + interval '24 hours'
        OFFSET 0
      ) r
    ), rolled AS (
      SELECT r."targetId", r."bucketStart" AS hour, r.count, r."okCount",
        EXISTS (SELECT 1 FROM maint m WHERE m."targetId" = r."targetId" AND m.a < r."bucketStart" + interval '1 hour' AND m.b > r."bucketStart") AS in_maint,
        EXISTS (SELECT 1 FROM dirty d WHERE d."targetId" = r."targetId" AND d.hour = r."bucketStart") AS is_dirty
      FROM hours r
    ), tails AS (
      SELECT t.id AS "targetId", coalesce(greatest(max(r.hour) + interval '1 hour', max(d.day) + interval '24 hours'), ${w.hs}::timestamptz) AS tail
      FROM unnest(${ids}::uuid[]) AS t(id) LEFT JOIN (SELECT "targetId", max(hour) AS hour FROM rolled GROUP BY 1) r ON r."targetId" = t.id
        LEFT JOIN (SELECT "targetId", max(day) AS day FROM days GROUP BY 1) d ON d."targetId" = t.id GROUP BY t.id
    ), ranges AS (
      SELECT "targetId", hour AS a, hour + interval '1 hour' AS b FROM rolled WHERE hour >= ${w.horizon}::timestamptz AND (is_dirty OR in_maint)
      UNION ALL
      SELECT d."targetId", d.hour, d.hour + interval '1 hour' FROM dirty d JOIN tails t ON t."targetId" = d."targetId"
      WHERE d.hour < t.tail AND NOT EXISTS (SELECT 1 FROM rolled r WHERE r."targetId" = d."targetId" AND r.hour = d.hour)
      UNION ALL
      SELECT "targetId", tail, ${w.he}::timestamptz FROM tails WHERE tail < ${w.he}::timestamptz
      UNION ALL
      SELECT t.id, ${w.from}::timestamptz, ${w.hs}::timestamptz FROM unnest(${ids}::uuid[]) AS t(id) WHERE ${w.from}::timestamptz < ${w.hs}::timestamptz
      UNION ALL
      SELECT t.id, ${w.he}::timestamptz, ${w.to}::timestamptz FROM unnest(${ids}::uuid[]) AS t(id) WHERE ${w.he}::timestamptz < ${w.to}::timestamptz
    )
    SELECT "targetId", sum(checks)::int AS checks, sum(ok)::int AS ok, sum(maint)::int AS maintenance FROM (
      SELECT "targetId", count AS checks, coalesce("okCount", 0) AS ok, 0 AS maint FROM days
      UNION ALL
      SELECT "targetId", CASE WHEN in_maint THEN 0 ELSE count END AS checks, CASE WHEN in_maint THEN 0 ELSE coalesce("okCount", 0) END AS ok,
        CASE WHEN in_maint THEN count ELSE 0 END AS maint
      FROM rolled WHERE NOT ((is_dirty OR in_maint) AND hour >= ${w.horizon}::timestamptz)
      UNION ALL
      SELECT r."targetId", c.checks, c.ok, c.maint FROM ranges r CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE NOT x.m) AS checks, count(*) FILTER (WHERE x.ok AND NOT x.m) AS ok, count(*) FILTER (WHERE x.m) AS maint
        FROM (
          SELECT s.ok, EXISTS (SELECT 1 FROM maint m WHERE m."targetId" = s."targetId" AND s."at" >= m.a AND s."at" < m.b) AS m
          FROM ${rawSamplesSql({ targetId: Prisma.sql`r."targetId"`, metric: CHECK_METRIC, from: Prisma.sql`r.a`, to: Prisma.sql`r.b` })} s
          WHERE s."at" < r.b
        ) x
      ) c
    ) u GROUP BY "targetId"`;
}

/** JIT is off for every connection (lib/db.ts): compiling this query took 1.5 s of a 1.9 s run at 1,000 targets. */
async function countChecks(ids: string[], w: CountWindow, spans: Span[]): Promise<Map<string, Counts>> {
  const rows = await db.$queryRaw<Array<{ targetId: string; checks: number; ok: number; maintenance: number }>>(
    countChecksSql(ids, w, spans),
  );
  return new Map(rows.map((r) => [r.targetId, { checks: r.checks, ok: r.ok, maintenance: r.maintenance }]));
}

const floorHour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;
const ceilHour = (ms: number) => Math.ceil(ms / HOUR_MS) * HOUR_MS;

/** How a window is counted: from `start` (rounded down to the hour before the raw horizon), whole hours [hs, he). */
function countWindow(from: Date, to: Date, now: Date): CountWindow & { useRaw: boolean } {
  const rawHorizon = now.getTime() - getEnv().STEWARD_HEALTH_RAW_RETENTION_DAYS * DAY_MS;
  const useRaw = from.getTime() >= rawHorizon;
  const start = useRaw ? from : new Date(floorHour(from.getTime()));
  let hs = ceilHour(start.getTime());
  // Whole hours end at the hour after now: a window reaching into the future (this month) would
  // otherwise probe rollups for every future day of every target; its future part is read raw (none).
  let he = floorHour(Math.min(to.getTime(), ceilHour(now.getTime()) + HOUR_MS));
  if (hs >= he) hs = he = to.getTime(); // no whole hour: all raw
  let ds = Math.ceil(hs / DAY_MS) * DAY_MS;
  let de = Math.floor(he / DAY_MS) * DAY_MS;
  if (ds >= de) ds = de = he; // no whole day: hours only
  const horizon = new Date(ceilHour(rawHorizon));
  return { from: start, to, hs: new Date(hs), he: new Date(he), ds: new Date(ds), de: new Date(de), horizon, useRaw };
}

/** The query getUptime runs (for EXPLAIN in scripts/bench/explain-uptime.ts). */
export async function uptimeCountSql(targetIds: string[], from: Date, to: Date, now = new Date()): Promise<Prisma.Sql> {
  const w = countWindow(from, to, now);
  return countChecksSql(targetIds, w, await maintenanceSpans(targetIds, w.from, to));
}

/**
 * Uptime of each target over [from, to); targets without checks are present with pct null. Every window
 * counts the same checks the raw samples hold (see above), so a longer window never shows fewer.
 */
export async function getUptime(
  targetIds: string[],
  from: Date,
  to: Date,
  now = new Date(),
): Promise<Map<string, Uptime>> {
  const w = countWindow(from, to, now);
  const counts =
    targetIds.length === 0
      ? new Map<string, Counts>()
      : await countChecks(targetIds, w, await maintenanceSpans(targetIds, w.from, to));
  return new Map(
    targetIds.map((id) => {
      const c = counts.get(id) ?? { checks: 0, ok: 0, maintenance: 0 };
      return [
        id,
        { ...c, pct: uptimePct(c.ok, c.checks), from: w.from, to, source: w.useRaw ? "raw" : "hour-rollups" },
      ];
    }),
  );
}
