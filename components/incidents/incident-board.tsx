"use client";
import Link from "next/link";
import { useIncidentBoardQuery } from "@/lib/incidents/hooks";
import { INCIDENT_REFRESH_MS } from "@/lib/incidents/query-keys";
import { INCIDENT_STATUSES } from "@/lib/incidents/schemas";
import { LiveStatus } from "@/components/health/live-status";
import { EmptyState } from "@/components/ui/empty-state";
import { IncidentCard } from "./incident-card";
import { STATUS_LABEL } from "./format";
import { NewIncidentForm } from "./new-incident-form";
import type { IncidentTypeSummary } from "@/lib/incidents/views/views";

const RESOLVED_SHOWN_MS = 24 * 3600_000;

export function IncidentBoard({ canAct, types }: { canAct: boolean; types: IncidentTypeSummary[] }) {
  const query = useIncidentBoardQuery();
  const incidents = query.data;
  if (!incidents) return <LiveStatus query={query} what="incidents" />;
  const recent = incidents.filter(
    (i) => !i.resolvedAt || query.dataUpdatedAt - Date.parse(i.resolvedAt) < RESOLVED_SHOWN_MS,
  );
  const open = recent.filter((i) => !i.resolvedAt).length;
  return (
    <div className="space-y-4">
      {canAct && <NewIncidentForm types={types} />}
      <p className="text-xs text-neutral-500 dark:text-neutral-400" aria-live="polite">
        {open} open · refreshes every {INCIDENT_REFRESH_MS / 1000} s · the resolved column shows the last 24 hours
        (older ones are in{" "}
        <Link href="/incidents/history" className="underline">
          History
        </Link>
        )
        {query.error && (
          <span role="alert" className="ml-2 text-red-700 dark:text-red-400">
            Refresh failed: {query.error.message}
          </span>
        )}
      </p>
      {recent.length === 0 ? (
        <EmptyState title="No open incidents">
          <p>
            All quiet. Incidents open here automatically when a health target goes critical
            {canAct ? ", or open one by hand above" : ""}. Past incidents and MTTA/MTTR are in History.
          </p>
        </EmptyState>
      ) : (
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
          {INCIDENT_STATUSES.map((status) => {
            const column = recent.filter((i) => i.status === status);
            return (
              <section
                key={status}
                aria-labelledby={`col-${status}`}
                data-testid={`column-${status}`}
                className="rounded-lg bg-neutral-50 p-3 dark:bg-neutral-950"
              >
                <h2 id={`col-${status}`} className="mb-2 text-sm font-semibold">
                  {STATUS_LABEL[status]} <span className="font-normal text-neutral-500">({column.length})</span>
                </h2>
                {column.length === 0 ? (
                  <p className="text-xs text-neutral-500 dark:text-neutral-400">None.</p>
                ) : (
                  <ul className="space-y-2">
                    {column.map((i) => (
                      <IncidentCard key={i.id} incident={i} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
