// A target's chart data for a window, shaped for the charts: one row per time with the lines each
// chart draws. Numbers are read, not invented: a bucket without samples is simply absent.
import "server-only";
import { db } from "@/lib/db";
import type { HealthTargetKind } from "@/lib/generated/prisma/client";
import {
  getTargetSeries,
  getTargetSeriesBetween,
  type SeriesPoint,
  type SeriesResolution,
  type TargetSeries,
} from "./queries";
import type { SeriesWindow } from "../schemas";

export type LatencyPoint = { t: number; p50: number; p95: number; p99: number };
export type ValuePoint = { t: number; value: number };

export type TargetSeriesView = {
  range: TargetSeries["range"];
  from: string;
  to: string;
  resolution: SeriesResolution;
  /** "checks": percentiles of the response times in each bucket; "scrapes": means of the service's own scraped percentiles. */
  latencySource: "checks" | "scrapes";
  responseTime: LatencyPoint[];
  errorRate: ValuePoint[];
  throughput: ValuePoint[];
  memory: ValuePoint[];
};

const means = (points: SeriesPoint[] | undefined): ValuePoint[] =>
  (points ?? []).map((p) => ({ t: p.at.getTime(), value: p.avg }));

function latency(kind: HealthTargetKind, metrics: TargetSeries["metrics"]): LatencyPoint[] {
  const p95 = metrics.response_time_ms ?? [];
  if (kind !== "prometheus") return p95.map((p) => ({ t: p.at.getTime(), p50: p.p50, p95: p.p95, p99: p.p99 }));
  // A scrape stores the service's p50/p95/p99 as three metrics; a bucket shows the mean of each.
  const byTime = new Map<number, Partial<LatencyPoint>>();
  const put = (points: SeriesPoint[] | undefined, key: "p50" | "p95" | "p99") => {
    for (const p of points ?? [])
      (byTime.get(p.at.getTime()) ?? byTime.set(p.at.getTime(), {}).get(p.at.getTime())!)[key] = p.avg;
  };
  put(metrics.response_time_p50_ms, "p50");
  put(p95, "p95");
  put(metrics.response_time_p99_ms, "p99");
  return [...byTime]
    .filter(([, v]) => v.p50 !== undefined && v.p95 !== undefined && v.p99 !== undefined)
    .map(([t, v]) => ({ t, p50: v.p50!, p95: v.p95!, p99: v.p99! }))
    .sort((a, b) => a.t - b.t);
}

/** The metrics the charts draw (check rows, the bulk of a target's rollups, are not charted). */
const CHART_METRICS = [
  "response_time_ms",
  "response_time_p50_ms",
  "response_time_p99_ms",
  "error_rate_pct",
  "throughput_rps",
  "memory_pct",
] as const;

export async function getTargetSeriesView(
  targetId: string,
  window: SeriesWindow,
  now = new Date(),
): Promise<TargetSeriesView | null> {
  const target = await db.healthTarget.findUnique({ where: { id: targetId }, select: { kind: true } });
  if (!target) return null;
  const series =
    "range" in window
      ? await getTargetSeries(targetId, window.range, now, CHART_METRICS)
      : await getTargetSeriesBetween(targetId, window.from, window.to, now, CHART_METRICS);
  return {
    range: series.range,
    from: series.from.toISOString(),
    to: series.to.toISOString(),
    resolution: series.resolution,
    latencySource: target.kind === "prometheus" ? "scrapes" : "checks",
    responseTime: latency(target.kind, series.metrics),
    errorRate: means(series.metrics.error_rate_pct),
    throughput: means(series.metrics.throughput_rps),
    memory: means(series.metrics.memory_pct),
  };
}
