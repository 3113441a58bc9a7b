"use client";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS } from "@/components/charts/kpi-line-chart";
import type { DistributionBucket } from "@/lib/metrics/notable";
import type { TrendPoint } from "@/lib/metrics/queries";

type Series = { key: string; label: string; color: string };
type Row = Record<string, string | number | null>;
const axis = { tick: { fill: "currentColor", fontSize: 12 }, stroke: "currentColor", strokeOpacity: 0.4 };
const tooltipStyle = { contentStyle: { background: "var(--color-neutral-50, #fff)", color: "#111", fontSize: 12 } };

function Frame({ title, label, children }: { title: string; label: string; children: React.ReactNode }) {
  return (
    <figure className="rounded-lg border border-neutral-200 bg-white p-4 shadow-sm break-inside-avoid dark:border-neutral-800 dark:bg-neutral-900">
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      <div role="img" aria-label={label} className="h-56 w-full text-neutral-600 dark:text-neutral-300">
        {children}
      </div>
    </figure>
  );
}

/** Month-by-month rows for the chosen ids, each value scaled (e.g. seconds → days). */
function rows(trend: TrendPoint[], ids: string[], scale: number): Row[] {
  return trend.map((t) => ({
    month: t.month,
    ...Object.fromEntries(
      ids.map((id) => [
        id,
        t.values[id] === null || t.values[id] === undefined
          ? null
          : Number(((t.values[id] as number) * scale).toFixed(2)),
      ]),
    ),
  }));
}

function TrendLines({
  title,
  trend,
  series,
  scale,
  unit,
}: {
  title: string;
  trend: TrendPoint[];
  series: Series[];
  scale: number;
  unit: string;
}) {
  return (
    <Frame title={title} label={`${title}, last 12 months`}>
      <LineChart
        responsive
        style={{ width: "100%", height: "100%" }}
        data={rows(
          trend,
          series.map((s) => s.key),
          scale,
        )}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="currentColor" strokeOpacity={0.12} />
        <XAxis dataKey="month" {...axis} />
        <YAxis width={48} unit={unit} {...axis} />
        <Tooltip {...tooltipStyle} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={2}
            dot
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </Frame>
  );
}

export function MetricsCharts({
  trend,
  distribution,
  runtime,
}: {
  trend: TrendPoint[];
  distribution: DistributionBucket[];
  /** Health targets exist: draw the fleet's runtime trends. */
  runtime: boolean;
}) {
  return (
    <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-2">
      <Frame title="Issues opened vs closed" label="Issues opened and closed per month, last 12 months">
        <BarChart
          responsive
          style={{ width: "100%", height: "100%" }}
          data={rows(trend, ["issues.opened", "issues.closed"], 1)}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid stroke="currentColor" strokeOpacity={0.12} />
          <XAxis dataKey="month" {...axis} />
          <YAxis width={48} allowDecimals={false} {...axis} />
          <Tooltip {...tooltipStyle} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="issues.opened" name="Opened" fill={CHART_COLORS.sky} isAnimationActive={false} />
          <Bar dataKey="issues.closed" name="Closed" fill={CHART_COLORS.violet} isAnimationActive={false} />
        </BarChart>
      </Frame>
      <Frame
        title="Time to first response (issues created this period)"
        label="Distribution of issue time to first response"
      >
        <BarChart
          responsive
          style={{ width: "100%", height: "100%" }}
          data={distribution}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid stroke="currentColor" strokeOpacity={0.12} />
          <XAxis dataKey="label" {...axis} interval={0} angle={-20} textAnchor="end" height={48} />
          <YAxis width={48} allowDecimals={false} {...axis} />
          <Tooltip {...tooltipStyle} />
          <Bar dataKey="count" name="Issues" fill={CHART_COLORS.sky} isAnimationActive={false} />
        </BarChart>
      </Frame>
      <TrendLines
        title="Issue first response (hours)"
        trend={trend}
        scale={1 / 3600}
        unit="h"
        series={[
          { key: "issues.first_response.median", label: "Median", color: CHART_COLORS.sky },
          { key: "issues.first_response.mean", label: "Mean", color: CHART_COLORS.violet },
        ]}
      />
      <TrendLines
        title="Bug MTTR and time to close (days, mean)"
        trend={trend}
        scale={1 / 86_400}
        unit="d"
        series={[
          { key: "bugs.mttr.mean", label: "Bug MTTR", color: CHART_COLORS.critical },
          { key: "issues.time_to_close.mean", label: "Time to close", color: CHART_COLORS.sky },
        ]}
      />
      <TrendLines
        title="Default-branch CI pass rate and PR merge rate (%)"
        trend={trend}
        scale={100}
        unit="%"
        series={[
          { key: "ci.pass_rate", label: "CI pass rate", color: CHART_COLORS.sky },
          { key: "prs.merge_rate", label: "Merge rate", color: CHART_COLORS.violet },
        ]}
      />
      {runtime && (
        <TrendLines
          title="Uptime, all targets (%)"
          trend={trend}
          scale={1}
          unit="%"
          series={[{ key: "runtime.*.uptime_pct", label: "Uptime", color: CHART_COLORS.sky }]}
        />
      )}
      {runtime && (
        <TrendLines
          title="Response time, all HTTP and push targets (ms)"
          trend={trend}
          scale={1}
          unit=""
          series={[
            { key: "runtime.*.response_p50_ms", label: "p50", color: CHART_COLORS.sky },
            { key: "runtime.*.response_p95_ms", label: "p95", color: CHART_COLORS.violet },
            { key: "runtime.*.response_p99_ms", label: "p99", color: CHART_COLORS.pink },
          ]}
        />
      )}
    </div>
  );
}
