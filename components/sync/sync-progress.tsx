import type { SyncRunView } from "@/lib/github/admin/views";

import { formatCount, formatSeconds, RESOURCE_LABELS } from "./format";
import { formatDateTime } from "@/components/ui/format";

/** Live progress of a running sync: items and pages fetched, rate-limit points, time left. */
export function SyncProgress({ run, label }: { run: SyncRunView; label: string }) {
  const total = run.itemsTotal;
  const pct = total ? Math.min(100, Math.round((run.items / Math.max(1, total)) * 100)) : null;
  return (
    <div role="status" aria-live="polite" aria-label={`Sync progress of ${label}`} className="space-y-1 text-sm">
      <p className="font-medium">
        Syncing {RESOURCE_LABELS[run.resource ?? "starting"] ?? run.resource}
        {pct !== null && <span className="ml-1 text-neutral-600 dark:text-neutral-400">({pct} %)</span>}
      </p>
      {pct !== null && (
        <progress
          className="h-2 w-full accent-sky-700"
          max={100}
          value={pct}
          aria-label={`${pct} % of items fetched`}
        />
      )}
      <p data-testid="sync-counters" className="text-xs text-neutral-600 dark:text-neutral-400">
        {formatCount(run.items)}
        {total !== null ? ` of ${formatCount(total)}` : ""} items · {formatCount(run.pages)} pages ·{" "}
        {formatCount(run.requests)} requests · {formatCount(run.pointsUsed)} points used
        {run.rateRemaining !== null && (
          <>
            , {formatCount(run.rateRemaining)} left{run.rateResetAt ? ` until ${formatDateTime(run.rateResetAt)}` : ""}
          </>
        )}
        {run.etaSeconds !== null && <> · about {formatSeconds(run.etaSeconds)} left</>}
      </p>
    </div>
  );
}
