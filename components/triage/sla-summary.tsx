"use client";
import { useState } from "react";
import { useTriageSummaryQuery } from "@/lib/triage/hooks";
import { DataTable, type Column } from "@/components/ui/data-table";
import { SUMMARY_DEFINITIONS } from "@/lib/triage/summary";
import { CLOCK_LABEL, formatDuration } from "./format";

type Row = NonNullable<ReturnType<typeof useTriageSummaryQuery>["data"]>["rows"][number];

const COLUMNS: Column<Row>[] = [
  { key: "repo", header: "Repository", cell: (r) => r.repo, sortValue: (r) => r.repo, filterText: (r) => r.repo },
  {
    key: "priority",
    header: "Priority",
    cell: (r) => (r.priority === "untriaged" ? "Untriaged (triage)" : r.priority),
    sortValue: (r) => r.priority,
    filterText: (r) => r.priority,
  },
  {
    key: "within",
    header: "Within target",
    cell: (r) => (
      <span className="tabular-nums">
        {r.shareWithinTarget === null ? "—" : `${Math.round(r.shareWithinTarget * 100)} %`}{" "}
        <span className="text-xs text-neutral-600 dark:text-neutral-400">
          ({r.respondedWithinTarget} of {r.decided})
        </span>
      </span>
    ),
    sortValue: (r) => r.shareWithinTarget,
  },
  {
    key: "median",
    header: "Median first response",
    cell: (r) => (r.medianResponseSeconds === null ? "—" : formatDuration(r.medianResponseSeconds)),
    sortValue: (r) => r.medianResponseSeconds,
    align: "right",
  },
  {
    key: "breached",
    header: "Breached now",
    cell: (r) => r.breachedNow,
    sortValue: (r) => r.breachedNow,
    align: "right",
  },
];

export function SlaSummary() {
  const [days, setDays] = useState(30);
  const query = useTriageSummaryQuery(days);
  const data = query.data;
  return (
    <section aria-labelledby="sla-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="sla-heading" className="text-lg font-semibold">
          SLA summary
        </h2>
        <div role="group" aria-label="Window" className="flex gap-1">
          {[30, 90].map((d) => (
            <button
              key={d}
              type="button"
              aria-pressed={days === d}
              onClick={() => setDays(d)}
              className={`rounded-md px-2 py-1 text-sm ${days === d ? "bg-sky-700 text-white" : "border border-neutral-300 dark:border-neutral-700"}`}
            >
              {d} days
            </button>
          ))}
        </div>
      </div>
      {!data &&
        (query.error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            The summary could not be loaded: {query.error.message}
          </p>
        ) : (
          <p className="text-sm text-neutral-500">Loading the summary…</p>
        ))}
      {data && data.rows.length === 0 && (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          No issues or pull requests were created in the last {days} days, and nothing is breached.
        </p>
      )}
      {data && data.rows.length > 0 && (
        <>
          <p className="text-xs text-neutral-600 dark:text-neutral-400">
            Items created in the last {data.days} days; times on the {CLOCK_LABEL[data.clock]} clock.
          </p>
          <DataTable
            rows={data.rows}
            columns={COLUMNS}
            rowKey={(r) => `${r.repo}-${r.priority}`}
            caption="SLA summary"
            rowAttributes={(r) => ({ "data-testid": `sla-${r.repo}-${r.priority}` })}
          />
        </>
      )}
      <dl className="grid gap-2 text-xs text-neutral-600 sm:grid-cols-2 dark:text-neutral-400">
        <div>
          <dt className="font-semibold">Within target</dt>
          <dd>{SUMMARY_DEFINITIONS.shareWithinTarget}</dd>
        </div>
        <div>
          <dt className="font-semibold">Median first response</dt>
          <dd>{SUMMARY_DEFINITIONS.medianResponseSeconds}</dd>
        </div>
        <div>
          <dt className="font-semibold">Breached now</dt>
          <dd>{SUMMARY_DEFINITIONS.breachedNow}</dd>
        </div>
        <div>
          <dt className="font-semibold">First response</dt>
          <dd>{SUMMARY_DEFINITIONS.firstResponse}</dd>
        </div>
      </dl>
    </section>
  );
}
