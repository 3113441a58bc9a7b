"use client";
import { useState } from "react";
import { useTriageSummaryQuery } from "@/lib/triage/hooks";
import { SUMMARY_DEFINITIONS } from "@/lib/triage/summary";
import { CLOCK_LABEL, formatDuration } from "./format";

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
        <div
          className="overflow-x-auto rounded-lg border border-neutral-200 dark:border-neutral-800"
          tabIndex={0}
          role="region"
          aria-label="Table (scrolls sideways)"
        >
          <table className="w-full text-left text-sm">
            <caption className="px-3 py-2 text-left text-xs text-neutral-500 dark:text-neutral-400">
              Items created in the last {data.days} days; times on the {CLOCK_LABEL[data.clock]} clock.
            </caption>
            <thead className="bg-neutral-50 text-xs uppercase tracking-wide text-neutral-600 dark:bg-neutral-900 dark:text-neutral-400">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Repository
                </th>
                <th scope="col" className="px-3 py-2">
                  Priority
                </th>
                <th scope="col" className="px-3 py-2">
                  Within target
                </th>
                <th scope="col" className="px-3 py-2">
                  Median first response
                </th>
                <th scope="col" className="px-3 py-2">
                  Breached now
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
              {data.rows.map((r) => (
                <tr key={`${r.repo}-${r.priority}`} data-testid={`sla-${r.repo}-${r.priority}`}>
                  <td className="px-3 py-2">{r.repo}</td>
                  <td className="px-3 py-2">{r.priority === "untriaged" ? "Untriaged (triage)" : r.priority}</td>
                  <td className="px-3 py-2 tabular-nums">
                    {r.shareWithinTarget === null ? "—" : `${Math.round(r.shareWithinTarget * 100)} %`}{" "}
                    <span className="text-xs text-neutral-500">
                      ({r.respondedWithinTarget} of {r.decided})
                    </span>
                  </td>
                  <td className="px-3 py-2 tabular-nums">
                    {r.medianResponseSeconds === null ? "—" : formatDuration(r.medianResponseSeconds)}
                  </td>
                  <td className="px-3 py-2 tabular-nums">{r.breachedNow}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
