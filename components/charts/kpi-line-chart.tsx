"use client";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";

export type ChartLine = { key: string; label: string; color: string };
/** `labelSide`: draw the label above or below the line (the worse side, so close lines do not collide). */
export type ChartThreshold = {
  value: number;
  label: string;
  level: "warning" | "critical";
  labelSide: "above" | "below";
};
type Row = { t: number } & Record<string, number>;

/** Colours readable on white and on neutral-900 (Tailwind 500 shades). */
export const CHART_COLORS = {
  sky: "#0ea5e9",
  violet: "#8b5cf6",
  pink: "#ec4899",
  warning: "#f59e0b",
  critical: "#ef4444",
} as const;

type Props = {
  data: Row[];
  lines: ChartLine[];
  thresholds: ChartThreshold[];
  /** The window drawn, in ms since the epoch: the x axis always spans it, with or without data. */
  domain: [number, number];
  /** X-axis ticks (ms); Recharts' own pick follows the data, not the window. */
  ticks?: number[];
  formatValue: (value: number) => string;
  /** Y-axis ticks; defaults to formatValue. */
  formatTick?: (value: number) => string;
  formatTime: (t: number) => string;
  /** Defaults to formatTime. */
  formatTooltipTime?: (t: number) => string;
  label: string;
};

function ChartTooltip({
  active,
  payload,
  label,
  formatValue,
  formatTime,
}: Pick<TooltipContentProps, "active" | "payload" | "label"> & Pick<Props, "formatValue" | "formatTime">) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-neutral-200 bg-white px-3 py-2 text-xs shadow-md dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-100">
      <p className="mb-1 font-medium">{formatTime(Number(label))}</p>
      {payload.map((p) => (
        <p key={String(p.dataKey)} className="flex items-center gap-2">
          <span aria-hidden className="inline-block h-2 w-2 rounded-full" style={{ background: p.color }} />
          {p.name}: {formatValue(Number(p.value))}
        </p>
      ))}
    </div>
  );
}

/** A KPI over time with its warning/critical lines. Takes data as props; never fetches. */
export function KpiLineChart({
  data,
  lines,
  thresholds,
  domain,
  ticks,
  formatValue,
  formatTick,
  formatTime,
  formatTooltipTime,
  label,
}: Props) {
  const axis = { tick: { fill: "currentColor", fontSize: 12 }, stroke: "currentColor", strokeOpacity: 0.4 };
  return (
    <div role="img" aria-label={label} className="h-64 w-full text-neutral-600 dark:text-neutral-300">
      <LineChart
        responsive
        style={{ width: "100%", height: "100%" }}
        data={data}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="currentColor" strokeOpacity={0.12} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={domain}
          ticks={ticks}
          allowDataOverflow
          tickFormatter={formatTime}
          minTickGap={24}
          {...axis}
        />
        <YAxis domain={[0, "auto"]} tickFormatter={formatTick ?? formatValue} width={48} {...axis} />
        <Tooltip
          content={({ active, payload, label }) => (
            <ChartTooltip
              active={active}
              payload={payload}
              label={label}
              formatValue={formatValue}
              formatTime={formatTooltipTime ?? formatTime}
            />
          )}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {/* Recharts' "insideBottom…" puts a horizontal line's label above the line, "insideTop…" below it. */}
        {thresholds.map((t) => {
          const color = t.level === "critical" ? CHART_COLORS.critical : CHART_COLORS.warning;
          return (
            <ReferenceLine
              key={t.level}
              y={t.value}
              stroke={color}
              strokeDasharray="6 4"
              ifOverflow="extendDomain"
              label={{
                value: t.label,
                position: t.labelSide === "above" ? "insideBottomRight" : "insideTopRight",
                fill: color,
                fontSize: 11,
              }}
            />
          );
        })}
        {lines.map((l) => (
          <Line
            key={l.key}
            type="linear"
            dataKey={l.key}
            name={l.label}
            stroke={l.color}
            strokeWidth={2}
            dot={data.length <= 30}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </div>
  );
}
