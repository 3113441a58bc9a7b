// Status timelines and downtimes for the health pages, from raw check samples.
import "server-only";
import { db } from "@/lib/db";
import { bucketStatus, checkSegments, type Observation, type Segment } from "@/lib/charts/status-timeline";
import { formatDuration } from "@/lib/time/format";
import { downtimePeriods, type Downtime } from "./downtime";
import { CHECK_METRIC } from "../store/record";
import { edgeSamplesSql, rawSamplesSql, ts } from "../store/raw-samples-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { RECENT_CHECKS } from "./timeline-labels";

const HOUR_MS = 3_600_000;

type Row = {
  targetId: string;
  at: Date;
  ok: boolean;
  value: number;
  status: number | null;
  failureMessage: string | null;
  failureKind: string | null;
};

function toObservation(r: Row): Observation {
  const value = r.ok ? `passed in ${formatDuration(r.value / 1000)}` : (r.failureMessage ?? r.failureKind ?? "failed");
  return { at: r.at, state: r.ok ? "ok" : "critical", value };
}

/** The last `RECENT_CHECKS` checks of each target, one segment per check (pending before the first). */
export async function getRecentCheckSegments(ids: string[], now: Date): Promise<Map<string, Segment[]>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<Row[]>`
    SELECT t.id AS "targetId", s."at", s.ok, s.value, s.status, s."failureMessage", s."failureKind" FROM unnest(${ids}::uuid[]) AS t(id)
    CROSS JOIN LATERAL ${edgeSamplesSql({ targetId: Prisma.sql`t.id`, metric: CHECK_METRIC, n: RECENT_CHECKS, order: "newest", atMost: ts(now) })} s
    ORDER BY t.id, s."at" DESC`;
  const byTarget = new Map<string, Observation[]>();
  for (const r of rows)
    (byTarget.get(r.targetId) ?? byTarget.set(r.targetId, []).get(r.targetId)!).push(toObservation(r));
  return new Map(ids.map((id) => [id, checkSegments(byTarget.get(id) ?? [], RECENT_CHECKS, now)]));
}

/** The last 24 hours in 48 half-hour segments, each its worst check; pending between creation and the first check. */
export async function getDayTimeline(id: string, createdAt: Date, now: Date): Promise<Segment[]> {
  const from = new Date(Math.ceil((now.getTime() - 24 * HOUR_MS) / (HOUR_MS / 2)) * (HOUR_MS / 2));
  const to = new Date(from.getTime() + 24 * HOUR_MS);
  const rows = await db.$queryRaw<Row[]>`
    SELECT "targetId", "at", ok, value, status, "failureMessage", "failureKind"
    FROM ${rawSamplesSql({ targetId: Prisma.sql`${id}::uuid`, metric: CHECK_METRIC, from: ts(from), to: ts(to) })} s
    WHERE "at" < ${to}::timestamptz ORDER BY "at"`;
  const [first] = await db.$queryRaw<Array<{ at: Date }>>`
    SELECT "at" FROM ${edgeSamplesSql({ targetId: Prisma.sql`${id}::uuid`, metric: CHECK_METRIC, n: 1, order: "oldest" })} s`;
  // Pending needs the first check ever, which may be older than the window.
  const observations = rows.map(toObservation);
  const created = first && first.at < from ? null : createdAt;
  return bucketStatus({ from, to, buckets: 48, observations, createdAt: created });
}

/** Downtimes within the raw retention (`since`), newest first, at most `limit`. */
export async function getDowntimes(id: string, since: Date, now: Date, limit = 50): Promise<Downtime[]> {
  // Only the checks where ok changed (plus the first), so a long healthy history stays cheap.
  const rows = await db.$queryRaw<Array<{ at: Date; ok: boolean; reason: string | null }>>`
    SELECT "at", ok, reason FROM (
      SELECT "at", ok, coalesce("failureMessage", "failureKind") AS reason, lag(ok) OVER (ORDER BY "at") AS prev
      FROM ${rawSamplesSql({ targetId: Prisma.sql`${id}::uuid`, metric: CHECK_METRIC, from: ts(since), to: ts(now) })} s
    ) x WHERE prev IS DISTINCT FROM ok ORDER BY "at"`;
  return downtimePeriods(rows, now).slice(0, limit);
}
