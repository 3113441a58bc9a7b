"use client";
import { useState } from "react";
import { useTriageQueueQuery, TRIAGE_REFRESH_MS } from "@/lib/triage/hooks";
import type { TriageFilters } from "@/lib/triage/schemas";
import { TAB_LABELS } from "@/lib/triage/schemas";
import { EmptyState } from "@/components/ui/empty-state";
import { QueueDefinitions } from "./definitions";
import { TriageFiltersBar } from "./filters";
import { CLOCK_LABEL } from "./format";
import { QueueTable } from "./queue-table";
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

export function TriageBoard({ filters, hasRepos }: { filters: TriageFilters; hasRepos: boolean }) {
  const query = useTriageQueueQuery(filters);
  const data = query.data;
  const [now] = useState(() => Date.now());
  const at = data ? new Date(data.generatedAt).getTime() : now;
  if (!hasRepos) {
    return (
      <EmptyState title="No repositories synced yet">
        <p>Ask an admin to add a repository in Settings → Repositories; its open issues and pull requests appear here after the first sync.</p>
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <TriageTabs filters={filters} counts={data?.counts} />
      <TriageFiltersBar filters={filters} data={data} />
      <p className="text-xs text-neutral-500 dark:text-neutral-400">
        {data ? `${data.total} in ${TAB_LABELS[filters.tab]}, sorted by time left · ${CLOCK_LABEL[data.clock]} clock · refreshes every ${TRIAGE_REFRESH_MS / 1000} s` : "Loading the queue…"}
        {query.error && <span role="alert" className="ml-2 text-red-700 dark:text-red-400">Refresh failed: {query.error.message}</span>}
      </p>
      {data && data.items.length === 0 && <EmptyState title={`Nothing in ${TAB_LABELS[filters.tab]}`}><p>{EMPTY[filters.tab]}</p></EmptyState>}
      {data && data.items.length > 0 && <QueueTable items={data.items} tab={filters.tab} now={at} />}
      {data && data.total > data.items.length && <p className="text-xs text-neutral-500">Showing the first {data.items.length} of {data.total}; narrow the filters to see the rest.</p>}
      {data && <QueueDefinitions clock={data.clock} />}
      <SlaSummary />
    </div>
  );
}
