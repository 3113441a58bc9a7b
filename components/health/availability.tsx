"use client";
import type { TargetDetailView } from "@/lib/health/views/detail-view";
import type { Downtime } from "@/lib/health/views/downtime";
import { formatDuration } from "@/lib/time/format";
import { StatusLegend, StatusTimeline } from "@/components/charts/status-timeline";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";

const muted = "text-neutral-600 dark:text-neutral-400";

const COLUMNS: Column<Downtime>[] = [
  {
    key: "start",
    header: "Started",
    cell: (d) => <Time value={d.start} mode="absolute" seconds />,
    sortValue: (d) => d.start,
  },
  {
    key: "end",
    header: "Ended",
    cell: (d) =>
      d.end ? (
        <Time value={d.end} mode="absolute" seconds />
      ) : (
        <span className="font-medium text-red-700 dark:text-red-300">still down</span>
      ),
    sortValue: (d) => d.end,
  },
  {
    key: "duration",
    header: "Duration",
    cell: (d) => formatDuration(d.seconds),
    sortValue: (d) => d.seconds,
    align: "right",
  },
  {
    key: "reason",
    header: "Reason",
    cell: (d) => <span className="break-words">{d.reason}</span>,
    filterText: (d) => d.reason,
  },
];

/** The last 24 hours as a status timeline, and every downtime (run of failed checks) in the raw retention. */
export function Availability({ detail }: { detail: TargetDetailView }) {
  return (
    <Card title="Availability">
      <div className="space-y-2">
        <StatusTimeline segments={detail.timeline} label={`${detail.name}: last 24 hours in half-hour segments`} />
        <p className={`flex justify-between text-xs ${muted}`}>
          <span>24 h ago</span>
          <span>now</span>
        </p>
        <StatusLegend />
        <p className={`text-xs ${muted}`}>
          Each segment is half an hour, coloured by its worst check (failed = critical). Pending: the target existed but
          had not been checked yet.
        </p>
      </div>
      <h3 className="mb-2 mt-6 font-semibold">Downtimes</h3>
      <p className={`mb-3 text-xs ${muted}`}>
        A downtime is a run of consecutive failed checks: from the first failed check to the next successful one (last{" "}
        {detail.downtimeDays} days, newest first). The reason is the first failed check&apos;s.
      </p>
      <DataTable
        rows={detail.downtimes}
        columns={COLUMNS}
        rowKey={(d) => d.start}
        caption="Downtimes"
        initialSort={{ key: "start", direction: "desc" }}
        empty={
          <p className={`text-sm ${muted}`}>
            No downtime in the last {detail.downtimeDays} days{detail.lastCheck ? "" : " — not checked yet"}.
          </p>
        }
      />
    </Card>
  );
}
