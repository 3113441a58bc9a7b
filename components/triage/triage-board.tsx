"use client";
import { useMemo, useState } from "react";
import { useTriageQueueQuery, TRIAGE_REFRESH_MS } from "@/lib/triage/hooks";
import type { TriageFilters } from "@/lib/triage/schemas";
import { TAB_LABELS } from "@/lib/triage/schemas";
import { EmptyState } from "@/components/ui/empty-state";
import { ActionBar } from "./action-bar";
import { QueueDefinitions } from "./definitions";
import { TriageFiltersBar } from "./filters";
import { CLOCK_LABEL } from "./format";
import { QueueTable, type Selection } from "./queue-table";
import { SlaSummary } from "./sla-summary";
import { TriageTabs } from "./tabs";

const EMPTY: Record<TriageFilters["tab"], string> = {
  needs_triage: "Every open item has a priority label. New issues appear here until someone labels them P0–P3.",
  waiting: "No prioritised item is waiting for a first response inside its target.",
  breached: "Nothing is past its target. Items appear here when a triage or response target passes without an answer.",
  stale: "No open item has been quiet for 30 days, and no stale ask is due for closing.",
  review: "No open pull request is waiting for a review.",
  all: "No open issues or pull requests in the synced repositories (or none match the filters).",
};

/** What the signed-in person may do: viewers get nothing; maintainers only where the token can write. */
export type TriageActionsAccess = { allowed: boolean; message: string | null; writableRepos: string[] };

function useSelection(visible: Set<string>): Selection & { ids: string[]; clear: () => void } {
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const selected = useMemo(() => new Set([...picked].filter((id) => visible.has(id))), [picked, visible]);
  return {
    selected,
    ids: [...selected],
    clear: () => setPicked(new Set()),
    toggle: (id) =>
      setPicked((old) => {
        const next = new Set(old);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    toggleAll: (ids) => setPicked((old) => (ids.every((id) => old.has(id)) ? new Set() : new Set(ids))),
  };
}

export function TriageBoard({
  filters,
  hasRepos,
  access,
}: {
  filters: TriageFilters;
  hasRepos: boolean;
  access: TriageActionsAccess;
}) {
  const query = useTriageQueueQuery(filters);
  const data = query.data;
  const [now] = useState(() => Date.now());
  const actionable = useMemo(
    () => new Set((data?.items ?? []).filter((i) => access.writableRepos.includes(i.repoKey)).map((i) => i.id)),
    [data, access.writableRepos],
  );
  const selection = useSelection(actionable);
  const at = data ? new Date(data.generatedAt).getTime() : now;
  if (!hasRepos) {
    return (
      <EmptyState title="No repositories synced yet">
        <p>
          Ask an admin to add a repository in Settings → Repositories; its open issues and pull requests appear here
          after the first sync.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <TriageTabs filters={filters} counts={data?.counts} />
      <TriageFiltersBar filters={filters} data={data} />
      <p className="text-xs text-neutral-500 dark:text-neutral-400">
        {data
          ? `${data.total} in ${TAB_LABELS[filters.tab]}, sorted by time left · ${CLOCK_LABEL[data.clock]} clock · refreshes every ${TRIAGE_REFRESH_MS / 1000} s`
          : "Loading the queue…"}
        {query.error && (
          <span role="alert" className="ml-2 text-red-700 dark:text-red-400">
            Refresh failed: {query.error.message}
          </span>
        )}
      </p>
      {data && data.items.length === 0 && (
        <EmptyState title={`Nothing in ${TAB_LABELS[filters.tab]}`}>
          <p>{EMPTY[filters.tab]}</p>
        </EmptyState>
      )}
      {access.message && (
        <p
          role="note"
          className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-800 dark:bg-amber-950/40"
        >
          {access.message}
        </p>
      )}
      {access.allowed && data && data.items.length > 0 && (
        <ActionBar selected={selection.ids} onDone={selection.clear} />
      )}
      {data && data.items.length > 0 && (
        <QueueTable
          items={data.items}
          tab={filters.tab}
          now={at}
          selection={access.allowed ? selection : undefined}
          selectable={actionable}
        />
      )}
      {data && data.total > data.items.length && (
        <p className="text-xs text-neutral-500">
          Showing the first {data.items.length} of {data.total}; narrow the filters to see the rest.
        </p>
      )}
      {data && <QueueDefinitions clock={data.clock} />}
      <SlaSummary />
    </div>
  );
}
