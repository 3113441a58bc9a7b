import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import {
  Prisma,
  type HealthLevel,
  type HealthRollupBucket,
  type HealthTargetKind,
} from "@/lib/generated/prisma/client";
import { CHECK_METRIC } from "../store/record";
import { edgeSamplesSql, rawSamplesSql, ts } from "../store/raw-samples-sql";
import type { SeriesRange } from "../schemas";
import { getUptime, type Uptime } from "./uptime";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const SEVERITY: Record<HealthLevel, number> = { ok: 0, warning: 1, critical: 2 };

/** "pending": enabled but nothing observed yet. */
export type TargetStatus = HealthLevel | "pending" | "disabled";

export type LastCheck = {
  at: Date;
  ok: boolean;
  durationMs: number;
  status: number | null;
  failureKind: string | null;
  failureMessage: string | null;
};

export type HealthOverviewTarget = {
  id: string;
  slug: string;
  name: string;
  serviceGroup: string;
  kind: HealthTargetKind;
  intervalSeconds: number;
  status: TargetStatus;
  kpis: Array<{ kpi: string; level: HealthLevel; value: number | null; at: Date | null; since: Date | null }>;
  lastCheck: LastCheck | null;
  uptime24h: Pick<Uptime, "checks" | "ok" | "pct">;
};

export type HealthOverview = {
  generatedAt: Date;
  counts: Record<TargetStatus, number>;
  targets: HealthOverviewTarget[];
};

/** The newest check of each target. */
export async function getLastChecks(targetIds: string[]): Promise<Map<string, LastCheck>> {
  if (targetIds.length === 0) return new Map();
  // LATERAL + LIMIT 1: one backward index scan per target instead of sorting every check.
  const rows = await db.$queryRaw<Array<LastCheck & { targetId: string; value: number }>>`
    SELECT t.id AS "targetId", s."at", s.ok, s.value, s.status, s."failureKind", s."failureMessage"
    FROM unnest(${targetIds}::uuid[]) AS t(id)
    CROSS JOIN LATERAL ${edgeSamplesSql({ targetId: Prisma.sql`t.id`, metric: CHECK_METRIC, n: 1, order: "newest" })} s`;
  return new Map(rows.map(({ targetId, value, ...r }) => [targetId, { ...r, durationMs: value }]));
}

/** A target's status: its worst KPI level; "pending" before anything was observed. */
export function targetStatus(enabled: boolean, levels: HealthLevel[]): TargetStatus {
  if (!enabled) return "disabled";
  let worst: HealthLevel | null = null;
  for (const level of levels) if (worst === null || SEVERITY[level] > SEVERITY[worst]) worst = level;
  return worst ?? "pending";
}

/**
 * Every target with its current levels, last check and 24-hour uptime, ordered by service group and
 * name. `uptime24h` counts that uptime (the overview page passes one that counts all its windows at once).
 */
export async function getHealthOverview(
  now = new Date(),
  uptime24h: (ids: string[]) => Promise<Map<string, Uptime>> = (ids) =>
    getUptime(ids, new Date(now.getTime() - DAY_MS), now, now),
): Promise<HealthOverview> {
  const targets = await db.healthTarget.findMany({
    orderBy: [{ serviceGroup: "asc" }, { name: "asc" }],
    include: { states: { orderBy: { kpi: "asc" } } },
  });
  const ids = targets.map((t) => t.id);
  const [checks, uptime] = await Promise.all([getLastChecks(ids), uptime24h(ids)]);
  const counts: Record<TargetStatus, number> = { ok: 0, warning: 0, critical: 0, pending: 0, disabled: 0 };
  const rows = targets.map((t): HealthOverviewTarget => {
    const status = targetStatus(
      t.enabled,
      t.states.map((s) => s.level),
    );
    counts[status] += 1;
    const u = uptime.get(t.id);
    return {
      id: t.id,
      slug: t.slug,
      name: t.name,
      serviceGroup: t.serviceGroup,
      kind: t.kind,
      intervalSeconds: t.intervalSeconds,
      status,
      kpis: t.states.map((s) => ({ kpi: s.kpi, level: s.level, value: s.lastValue, at: s.lastAt, since: s.changedAt })),
      lastCheck: checks.get(t.id) ?? null,
      uptime24h: { checks: u?.checks ?? 0, ok: u?.ok ?? 0, pct: u?.pct ?? null },
    };
  });
  return { generatedAt: now, counts, targets: rows };
}

/** Which data a range reads: raw samples for the last hour, rollups beyond (chosen to stay under ~1,500 points). */
export const SERIES_RESOLUTION: Record<SeriesRange, { ms: number; resolution: "raw" | HealthRollupBucket }> = {
  "1h": { ms: HOUR_MS, resolution: "raw" },
  "6h": { ms: 6 * HOUR_MS, resolution: "minute" },
  "24h": { ms: DAY_MS, resolution: "minute" },
  "7d": { ms: 7 * DAY_MS, resolution: "hour" },
  "30d": { ms: 30 * DAY_MS, resolution: "hour" },
  "90d": { ms: 90 * DAY_MS, resolution: "day" },
  "365d": { ms: 365 * DAY_MS, resolution: "day" },
};

/** One point: a raw sample (count 1, every statistic = its value) or a rollup bucket. */
export type SeriesPoint = {
  at: Date;
  count: number;
  avg: number;
  min: number;
  max: number;
  p50: number;
  p95: number;
  p99: number;
  okCount: number | null;
};

export type SeriesResolution = "raw" | HealthRollupBucket;
export type TargetSeries = {
  targetId: string;
  range: SeriesRange | "custom";
  resolution: SeriesResolution;
  from: Date;
  to: Date;
  metrics: Record<string, SeriesPoint[]>;
};

const BUCKET_MS: Record<HealthRollupBucket, number> = { minute: 60_000, hour: HOUR_MS, day: DAY_MS };

/**
 * The resolution a custom window reads: as for the preset ranges (raw up to an hour, minutes up to
 * a day, hours up to 30 days, days beyond), but never raw samples or minute rollups older than the
 * raw retention, which have been deleted.
 */
export function resolutionForWindow(from: Date, to: Date, now = new Date()): SeriesResolution {
  const span = to.getTime() - from.getTime();
  const rawHorizon = now.getTime() - getEnv().STEWARD_HEALTH_RAW_RETENTION_DAYS * DAY_MS;
  const retained = from.getTime() >= rawHorizon;
  if (span <= HOUR_MS && retained) return "raw";
  if (span <= DAY_MS && retained) return "minute";
  return span <= 30 * DAY_MS ? "hour" : "day";
}

/** `metrics`: only these (the charts' own; undefined: every metric). */
export async function getTargetSeries(
  targetId: string,
  range: SeriesRange,
  now = new Date(),
  metrics?: readonly string[],
): Promise<TargetSeries> {
  const { ms, resolution } = SERIES_RESOLUTION[range];
  return { ...(await readSeries(targetId, new Date(now.getTime() - ms), now, resolution, metrics)), range };
}

/** A fixed window (the chart's custom from/to), at the resolution resolutionForWindow picks. */
export async function getTargetSeriesBetween(
  targetId: string,
  from: Date,
  to: Date,
  now = new Date(),
  metrics?: readonly string[],
): Promise<TargetSeries> {
  return { ...(await readSeries(targetId, from, to, resolutionForWindow(from, to, now), metrics)), range: "custom" };
}

/**
 * Rollups are read by the primary key (targetId, metric = ANY(metrics), bucket, bucketStart) and
 * without their sketches, so a 30-day chart reads only the chart's metrics' hour rows.
 */
async function readSeries(
  targetId: string,
  from: Date,
  to: Date,
  resolution: SeriesResolution,
  only?: readonly string[],
): Promise<Omit<TargetSeries, "range">> {
  const metric = only ? { in: [...only] } : undefined;
  const metrics: Record<string, SeriesPoint[]> = {};
  const push = (metric: string, point: SeriesPoint) => (metrics[metric] ??= []).push(point);
  if (resolution === "raw") {
    const samples = await db.$queryRaw<Array<{ at: Date; metric: string; value: number; ok: boolean | null }>>`
      SELECT "at", metric, value, ok FROM ${rawSamplesSql({ targetId: Prisma.sql`${targetId}::uuid`, from: ts(from), to: ts(to) })} s
      ORDER BY "at"`;
    // The chart's metrics only (raw windows are short: the filter is cheaper here than per metric).
    const wanted = only ? new Set(only) : null;
    for (const s of samples) {
      if (wanted && !wanted.has(s.metric)) continue;
      const v = s.value;
      push(s.metric, {
        at: s.at,
        count: 1,
        avg: v,
        min: v,
        max: v,
        p50: v,
        p95: v,
        p99: v,
        okCount: s.ok === null ? null : Number(s.ok),
      });
    }
  } else {
    const bucketMs = BUCKET_MS[resolution];
    const start = new Date(Math.floor(from.getTime() / bucketMs) * bucketMs);
    const rollups = await db.healthRollup.findMany({
      where: { targetId, metric, bucket: resolution, bucketStart: { gte: start, lte: to } },
      orderBy: { bucketStart: "asc" },
      select: {
        metric: true,
        bucketStart: true,
        count: true,
        sum: true,
        min: true,
        max: true,
        p50: true,
        p95: true,
        p99: true,
        okCount: true,
      },
    });
    for (const r of rollups) {
      push(r.metric, {
        at: r.bucketStart,
        count: r.count,
        avg: r.sum / r.count,
        min: r.min,
        max: r.max,
        p50: r.p50,
        p95: r.p95,
        p99: r.p99,
        okCount: r.okCount,
      });
    }
  }
  return { targetId, resolution, from, to, metrics };
}

export type AlertEventView = {
  id: string;
  targetId: string | null;
  targetName: string;
  kpi: string;
  /** null: the KPI's first observation (it was pending). */ from: HealthLevel | null;
  to: HealthLevel;
  value: number;
  at: Date;
};

/** Newest first. */
export async function listAlertEvents(
  filter: { targetId?: string; since?: Date; limit?: number } = {},
): Promise<AlertEventView[]> {
  return db.alertEvent.findMany({
    where: { targetId: filter.targetId, at: filter.since ? { gte: filter.since } : undefined },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: Math.min(filter.limit ?? 100, 1000),
    select: { id: true, targetId: true, targetName: true, kpi: true, from: true, to: true, value: true, at: true },
  });
}
