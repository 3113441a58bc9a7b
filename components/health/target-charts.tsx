"use client";
import type { TargetDetailView } from "@/lib/health/views/detail-view";
import { useTargetSeriesQuery } from "@/lib/health/hooks";
import type { SeriesWindow } from "@/lib/health/schemas";
import type { TargetSeriesView } from "@/lib/health/views/series-view";
import type { Kpi } from "@/lib/health/store/thresholds";
import { CHART_COLORS, KpiLineChart, type ChartLine, type ChartThreshold } from "@/components/charts/kpi-line-chart";
import { DEFINITIONS } from "./definitions";
import { axisTimeFormatter, formatKpi, formatMoment, timeTicks } from "./format";
import { LiveStatus } from "./live-status";

const PER: Record<TargetSeriesView["resolution"], string> = {
  raw: "each sample",
  minute: "one point per minute",
  hour: "one point per hour",
  day: "one point per day",
};
const RANGE_TEXT: Record<string, string> = {
  "1h": "the last hour",
  "6h": "the last 6 hours",
  "24h": "the last 24 hours",
  "7d": "the last 7 days",
  "30d": "the last 30 days",
  "90d": "the last 90 days",
  "365d": "the last year",
};
const notMeasured = (kind: TargetDetailView["kind"], kpi: Kpi) => kind === "http" && kpi !== "response_time_ms";

function emptyMessage(kind: TargetDetailView["kind"], kpi: Kpi, title: string): string {
  if (notMeasured(kind, kpi))
    return `Not measured: an HTTP check records only up and response time; ${title.toLowerCase()} comes from Prometheus scrapes or pushed samples.`;
  const why = kind === "http" ? " Response times are recorded for successful checks only." : "";
  return `No ${title.toLowerCase()} data in this window.${why} Try a longer range, or wait for the next check (rollups for ranges past an hour are computed every minute).`;
}

function thresholdLines(kpi: Kpi, thresholds: TargetDetailView["thresholds"]): ChartThreshold[] {
  const t = thresholds[kpi];
  const higher = t.direction === "higher-is-worse";
  const op = higher ? ">" : "<";
  return [
    {
      level: "warning",
      value: t.warning,
      label: `warning ${op} ${formatKpi(kpi, t.warning)}`,
      labelSide: higher ? "below" : "above",
    },
    {
      level: "critical",
      value: t.critical,
      label: `critical ${op} ${formatKpi(kpi, t.critical)}`,
      labelSide: higher ? "above" : "below",
    },
  ];
}

function latencyLines(series: TargetSeriesView): ChartLine[] {
  if (series.resolution === "raw" && series.latencySource === "checks")
    return [{ key: "p95", label: "response time", color: CHART_COLORS.sky }];
  return [
    { key: "p50", label: "p50", color: CHART_COLORS.sky },
    { key: "p95", label: "p95", color: CHART_COLORS.violet },
    { key: "p99", label: "p99", color: CHART_COLORS.pink },
  ];
}

function latencyNote(series: TargetSeriesView): string {
  if (series.latencySource === "scrapes")
    return "Lines: the service's own p50/p95/p99 from its histogram, averaged per point.";
  if (series.resolution === "raw") return "Each point is one check's response time.";
  return "Lines: p50/p95/p99 of the response times in each bucket (from rollup sketches, within 1 %).";
}

const compact = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });
const formatTick = (v: number) => compact.format(v);

type ChartSpec = {
  kpi: Kpi;
  title: string;
  unit: string;
  data: Array<{ t: number } & Record<string, number>>;
  lines: ChartLine[];
  note: string;
};

export function TargetCharts({ id, span, detail }: { id: string; span: SeriesWindow; detail: TargetDetailView }) {
  const query = useTargetSeriesQuery(id, span);
  const series = query.data;
  if (!series) return <LiveStatus query={query} what="chart data" />;
  const from = Date.parse(series.from);
  const to = Date.parse(series.to);
  const formatTime = axisTimeFormatter(to - from);
  const mean = "Each point is the mean of the samples in it.";
  const value = (label: string): ChartLine[] => [{ key: "value", label, color: CHART_COLORS.sky }];
  // Only the charts this kind of target can have: an HTTP check measures up and response time, nothing else.
  const charts: ChartSpec[] = (
    [
      {
        kpi: "response_time_ms",
        title: "Response time",
        unit: "ms",
        data: series.responseTime,
        lines: latencyLines(series),
        note: latencyNote(series),
      },
      {
        kpi: "error_rate_pct",
        title: "Error rate",
        unit: "%",
        data: series.errorRate,
        lines: value("error rate"),
        note: mean,
      },
      {
        kpi: "throughput_rps",
        title: "Throughput",
        unit: "req/s",
        data: series.throughput,
        lines: value("throughput"),
        note: mean,
      },
      {
        kpi: "memory_pct",
        title: "Memory",
        unit: "% of limit",
        data: series.memory,
        lines: value("memory"),
        note: mean,
      },
    ] satisfies ChartSpec[]
  ).filter((c) => !notMeasured(detail.kind, c.kpi));
  const where =
    series.range === "custom" ? `${formatMoment(series.from)} to ${formatMoment(series.to)}` : RANGE_TEXT[series.range];
  return (
    <div className="space-y-4" data-resolution={series.resolution} aria-busy={query.isPlaceholderData}>
      <p className="text-sm text-neutral-600 dark:text-neutral-400" data-testid="chart-window">
        Showing {where}, {PER[series.resolution]}.{query.isPlaceholderData && " Loading…"}
        {query.error && (
          <span role="alert" className="ml-2 text-red-700 dark:text-red-400">
            Refresh failed: {query.error.message}
          </span>
        )}
      </p>
      <div className={`grid gap-4 ${charts.length > 1 ? "xl:grid-cols-2" : ""}`}>
        {charts.map((c) => (
          <section
            key={c.kpi}
            aria-labelledby={`chart-${c.kpi}`}
            className="rounded-lg border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-900"
          >
            <h3 id={`chart-${c.kpi}`} className="font-semibold">
              {c.title} <span className="text-sm font-normal text-neutral-500 dark:text-neutral-400">({c.unit})</span>
            </h3>
            <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
              {DEFINITIONS[c.kpi]} {c.note}
            </p>
            {c.data.length === 0 ? (
              <p
                className={`mt-4 flex items-center justify-center rounded border border-dashed border-neutral-300 px-6 text-center text-sm text-neutral-600 dark:border-neutral-700 dark:text-neutral-400 ${notMeasured(detail.kind, c.kpi) ? "h-24" : "h-64"}`}
              >
                {emptyMessage(detail.kind, c.kpi, c.title)}
              </p>
            ) : (
              <div className="mt-3">
                <KpiLineChart
                  data={c.data}
                  lines={c.lines}
                  thresholds={thresholdLines(c.kpi, detail.thresholds)}
                  domain={[from, to]}
                  ticks={timeTicks(from, to)}
                  formatValue={(v) => formatKpi(c.kpi, v) ?? ""}
                  formatTick={formatTick}
                  formatTime={formatTime}
                  formatTooltipTime={formatMoment}
                  label={`${c.title} chart, ${where}: ${c.data.length} points`}
                />
              </div>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
