"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { HistoryBucket } from "@/lib/runbooks/views/types";

/** Runs per period by outcome (props in, no fetching). */
export function HistoryChart({ buckets }: { buckets: HistoryBucket[] }) {
  return (
    <div
      className="h-64 w-full"
      role="img"
      aria-label={`Runs per period: ${buckets.map((b) => `${b.label} ${b.onTime} on time, ${b.late} late, ${b.missed} missed`).join("; ")}`}
    >
      <ResponsiveContainer>
        <BarChart data={buckets} margin={{ left: -20 }}>
          <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
          <XAxis dataKey="label" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Legend />
          <Bar dataKey="onTime" name="on time" stackId="a" fill="#16a34a" />
          <Bar dataKey="late" name="late" stackId="a" fill="#d97706" />
          <Bar dataKey="missed" name="missed" stackId="a" fill="#dc2626" />
          <Bar dataKey="open" name="open" stackId="a" fill="#0284c7" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
