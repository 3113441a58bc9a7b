"use client";
import type { SyncRunView } from "@/lib/github/admin/views";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";

import { formatCount, runDuration, STATUS_LABELS, STATUS_TONES } from "./format";
import { Time } from "@/components/ui/time";

/** Past and running syncs, newest first, with their errors and warnings. */
export function RunHistory({ runs }: { runs: SyncRunView[] }) {
  if (runs.length === 0)
    return (
      <EmptyState title="No syncs yet">
        Press “Sync now”, or wait for the schedule (every 15 minutes by default).
      </EmptyState>
    );
  return <DataTable rows={runs} columns={COLUMNS} rowKey={(run) => run.id} caption="Sync runs, newest first" />;
}

const COLUMNS: Column<SyncRunView>[] = [
  {
    key: "started",
    header: "Started",
    cell: (run) => (
      <span className="whitespace-nowrap">
        <Time value={run.startedAt} mode="absolute" />
      </span>
    ),
  },
  { key: "trigger", header: "Trigger", cell: (run) => run.trigger, filterText: (run) => run.trigger },
  {
    key: "result",
    header: "Result",
    cell: (run) => (
      <>
        <Badge tone={STATUS_TONES[run.status] ?? "neutral"}>{STATUS_LABELS[run.status] ?? run.status}</Badge>
        {run.resumeAfter && run.status === "rate_limited" && (
          <div className="text-xs text-neutral-600 dark:text-neutral-400">
            resumes <Time value={run.resumeAfter} mode="absolute" />
          </div>
        )}
      </>
    ),
    filterText: (run) => STATUS_LABELS[run.status] ?? run.status,
  },
  { key: "took", header: "Took", cell: (run) => <span className="whitespace-nowrap">{runDuration(run)}</span> },
  {
    key: "items",
    header: "Items (changed)",
    cell: (run) => `${formatCount(run.items)} (${formatCount(run.changed)})`,
    align: "right",
  },
  { key: "requests", header: "Requests", cell: (run) => formatCount(run.requests), align: "right" },
  { key: "points", header: "Points", cell: (run) => formatCount(run.pointsUsed), align: "right" },
  { key: "errors", header: "Errors", cell: (run) => <RunErrors errors={run.errors} /> },
];

function RunErrors({ errors }: { errors: SyncRunView["errors"] }) {
  if (errors.length === 0) return <span className="text-neutral-600 dark:text-neutral-400">none</span>;
  return (
    <details>
      <summary className="cursor-pointer text-red-700 dark:text-red-400">
        {errors.length === 1 ? "1 message" : `${errors.length} messages`}
      </summary>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-xs">
        {errors.map((e, i) => (
          <li key={i} className="break-words">
            {e.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
