"use client";
import { Line, LineChart, YAxis } from "recharts";

/** A tiny trend line; colour comes from the surrounding text colour (so it follows dark mode). */
export function Sparkline({
  points,
  label,
  width = 120,
  height = 32,
}: {
  points: Array<{ t: number; ms: number }>;
  label: string;
  width?: number;
  height?: number;
}) {
  if (points.length < 2)
    return (
      <span className="text-xs text-neutral-500 dark:text-neutral-400" title="No response times in the last hour">
        no data
      </span>
    );
  return (
    <div role="img" aria-label={label} title={label} className="text-sky-600 dark:text-sky-400">
      <LineChart width={width} height={height} data={points} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
        <YAxis hide domain={["dataMin", "dataMax"]} />
        <Line
          type="linear"
          dataKey="ms"
          stroke="currentColor"
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
