"use client";
import { useState } from "react";
import type { AlertEventJson } from "@/lib/health/views/detail-view";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatKpi, KPI_LABELS } from "./format";
import { StatusBadge } from "./status-badge";
import { Time } from "@/components/ui/time";

const FIRST = 20;

export function AlertHistory({
  alerts,
  limit,
  breachesToChange,
}: {
  alerts: AlertEventJson[];
  limit: number;
  breachesToChange: number;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? alerts : alerts.slice(0, FIRST);
  return (
    <Card title="Alert history">
      <p className="mb-3 text-xs text-neutral-600 dark:text-neutral-400">
        Every level change of a KPI, newest first (up to {limit}). A level changes after {breachesToChange} consecutive
        observation{breachesToChange === 1 ? "" : "s"} agree; the value is the one that made it change.
      </p>
      {alerts.length === 0 ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          No alerts yet: nothing has changed level since this target was added.
        </p>
      ) : (
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
          <table className="w-full text-left text-sm" aria-label="Alert history">
            <thead className="text-xs text-neutral-500 dark:text-neutral-400">
              <tr>
                <th className="py-2 pr-4 font-medium">When</th>
                <th className="py-2 pr-4 font-medium">KPI</th>
                <th className="py-2 pr-4 font-medium">Change</th>
                <th className="py-2 font-medium">Value</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
              {shown.map((a) => (
                <tr key={a.id} data-testid="alert-event">
                  <td className="py-2 pr-4 tabular-nums text-neutral-700 dark:text-neutral-300">
                    <Time value={a.at} mode="absolute" seconds />
                  </td>
                  <td className="py-2 pr-4">{KPI_LABELS[a.kpi] ?? a.kpi}</td>
                  <td className="py-2 pr-4">
                    <StatusBadge status={a.from ?? "pending"} /> <span aria-label="to">→</span>{" "}
                    <StatusBadge status={a.to} />
                  </td>
                  <td className="py-2 tabular-nums">{formatKpi(a.kpi, a.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {alerts.length > FIRST && (
            <Button variant="secondary" className="mt-3" onClick={() => setAll(!all)}>
              {all ? `Show the newest ${FIRST}` : `Show all ${alerts.length}`}
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}
