import type { SyncRunView } from "@/lib/github/admin/views";
import { Badge } from "@/components/ui/badge";
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
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Sync runs, newest first</caption>
        <thead className="text-xs uppercase text-neutral-600 dark:text-neutral-400">
          <tr>
            <th scope="col" className="py-2 pr-4">
              Started
            </th>
            <th scope="col" className="py-2 pr-4">
              Trigger
            </th>
            <th scope="col" className="py-2 pr-4">
              Result
            </th>
            <th scope="col" className="py-2 pr-4">
              Took
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Items (changed)
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Requests
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              Points
            </th>
            <th scope="col" className="py-2">
              Errors
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
          {runs.map((run) => (
            <tr key={run.id} className="align-top">
              <td className="py-2 pr-4 whitespace-nowrap">
                <Time value={run.startedAt} mode="absolute" />
              </td>
              <td className="py-2 pr-4">{run.trigger}</td>
              <td className="py-2 pr-4">
                <Badge tone={STATUS_TONES[run.status] ?? "neutral"}>{STATUS_LABELS[run.status] ?? run.status}</Badge>
                {run.resumeAfter && run.status === "rate_limited" && (
                  <div className="text-xs text-neutral-600 dark:text-neutral-400">
                    resumes <Time value={run.resumeAfter} mode="absolute" />
                  </div>
                )}
              </td>
              <td className="py-2 pr-4 whitespace-nowrap">{runDuration(run)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">
                {formatCount(run.items)} ({formatCount(run.changed)})
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatCount(run.requests)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatCount(run.pointsUsed)}</td>
              <td className="py-2">
                <RunErrors errors={run.errors} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

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
