"use client";
// The Metrics page's Recharts drawings, in their own chunk: metrics-charts.tsx loads this module only
// when a chart comes near the viewport (or the page is printed), so Recharts is neither downloaded,
// evaluated nor hydrated while the page above the charts loads.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS } from "@/components/charts/kpi-line-chart";
import type { DistributionBucket } from "@/lib/metrics/notable";
import type { TrendPoint } from "@/lib/metrics/queries";

export type Series = { key: string; label: string; color: keyof typeof CHART_COLORS };
type Row = Record<string, string | number | null>;
const axis = { tick: { fill: "currentColor", fontSize: 12 }, stroke: "currentColor", strokeOpacity: 0.4 };
const tooltipStyle = { contentStyle: { background: "var(--color-neutral-50, #fff)", color: "#111", fontSize: 12 } };
const margin = { top: 8, right: 16, bottom: 0, left: 0 };
const fill = { width: "100%", height: "100%" };

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

export function OpenedClosedChart({ trend }: { trend: TrendPoint[] }) {
  return (
    <BarChart responsive style={fill} data={rows(trend, ["issues.opened", "issues.closed"], 1)} margin={margin}>
      <CartesianGrid stroke="currentColor" strokeOpacity={0.12} />
      <XAxis dataKey="month" {...axis} />
      <YAxis width={48} allowDecimals={false} {...axis} />
      <Tooltip {...tooltipStyle} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      <Bar dataKey="issues.opened" name="Opened" fill={CHART_COLORS.sky} isAnimationActive={false} />
      <Bar dataKey="issues.closed" name="Closed" fill={CHART_COLORS.violet} isAnimationActive={false} />
    </BarChart>
  );
}

export function DistributionChart({ distribution }: { distribution: DistributionBucket[] }) {
  return (
    <BarChart responsive style={fill} data={distribution} margin={margin}>
      <CartesianGrid stroke="currentColor" strokeOpacity={0.12} />
      <XAxis dataKey="label" {...axis} interval={0} angle={-20} textAnchor="end" height={48} />
      <YAxis width={48} allowDecimals={false} {...axis} />
      <Tooltip {...tooltipStyle} />
      <Bar dataKey="count" name="Issues" fill={CHART_COLORS.sky} isAnimationActive={false} />
    </BarChart>
  );
}

export function TrendLinesChart({
  trend,
  series,
  scale,
  unit,
}: {
  trend: TrendPoint[];
  series: Series[];
  scale: number;
  unit: string;
}) {
  const data = rows(
    trend,
    series.map((s) => s.key),
    scale,
  );
  return (
    <LineChart responsive style={fill} data={data} margin={margin}>
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
          stroke={CHART_COLORS[s.color]}
          strokeWidth={2}
          dot
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}
