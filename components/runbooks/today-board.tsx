"use client";
import { Suspense } from "react";
import Link from "next/link";
import { useTodayQuery, TODAY_REFRESH_MS } from "@/lib/runbooks/hooks";
import { groupBySection } from "@/lib/runbooks/views/group-runs";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { MorningStrip } from "./morning-strip";
import { formatInZone } from "./format";
import { RunCard } from "./run-card";
import { UpcomingList } from "./upcoming-list";
import { ProcedureStarter } from "./procedure-starter";
import { FormError } from "@/components/ui/form-message";

// Each run card is its own Suspense boundary: nothing suspends, but React hydrates boundaries one by
// one and yields between them, so a morning with twenty runs is not one long main-thread task (TBT).
export function TodayBoard({ canAct }: { canAct: boolean }) {
  const query = useTodayQuery();
  const data = query.data;
  if (!data) {
    return query.error ? (
      <FormError>Could not load today&apos;s checklists: {query.error.message}</FormError>
    ) : (
      <p className="text-sm text-neutral-500">Loading…</p>
    );
  }
  if (!data.hasRunbooks) {
    return (
      <EmptyState
        title="No runbook yet"
        action={
          canAct ? (
            <Link href="/runbooks?import=open-source-maintenance" className={buttonClass()}>
              Import a template
            </Link>
          ) : undefined
        }
      >
        <p>
          Import a runbook (a built-in template, or your own markdown) and activate it: its daily, weekly and monthly
          checklists appear here, checked against live data.
        </p>
        {!canAct && <p className="mt-2">Ask a maintainer to import one.</p>}
      </EmptyState>
    );
  }
  const overdue = data.runs.filter((r) => r.status === "overdue");
  const overdueGroups = groupBySection(overdue);
  const today = data.runs.filter((r) => r.status !== "overdue");
  return (
    <div className="space-y-6">
      <MorningStrip strip={data.strip} />
      <p className="text-xs text-neutral-500 dark:text-neutral-400">
        Team time zone {data.timeZone} · updated {formatDateTime(data.generatedAt)} · refreshes every{" "}
        {TODAY_REFRESH_MS / 1000} s
        {query.error && (
          <span role="alert" className="ml-2 text-red-700 dark:text-red-400">
            Refresh failed: {query.error.message}
          </span>
        )}
      </p>
      {overdue.length > 0 && (
        <section aria-labelledby="overdue" className="space-y-3">
          <h2 id="overdue" className="text-lg font-semibold text-red-800 dark:text-red-300">
            Overdue ({overdue.length}
            {overdueGroups.length < overdue.length ? ` runs of ${overdueGroups.length} checklists` : ""})
          </h2>
          {overdueGroups.map(([latest, ...earlier]) => (
            <div key={latest!.id} className="space-y-2">
              <Suspense>
                <RunCard run={latest!} canAct={canAct} timeZone={data.timeZone} />
              </Suspense>
              {earlier.length > 0 && (
                <details className="rounded-lg border border-dashed border-neutral-300 px-4 py-2 text-sm dark:border-neutral-700">
                  <summary className="cursor-pointer text-neutral-700 dark:text-neutral-300">
                    {earlier.length} earlier {earlier.length === 1 ? "run" : "runs"} of {latest!.sectionTitle} still
                    open (due {earlier.map((r) => formatInZone(r.dueAt, data.timeZone)).join("; ")}) — finish or skip{" "}
                    {earlier.length === 1 ? "it" : "them"}
                  </summary>
                  <div className="mt-3 space-y-3">
                    {earlier.map((run) => (
                      <Suspense key={run.id}>
                        <RunCard run={run} canAct={canAct} timeZone={data.timeZone} />
                      </Suspense>
                    ))}
                  </div>
                </details>
              )}
            </div>
          ))}
        </section>
      )}
      <section aria-labelledby="due-today" className="space-y-3">
        <h2 id="due-today" className="text-lg font-semibold">
          Due today ({today.length})
        </h2>
        {today.length === 0 ? (
          <p className="text-sm text-neutral-500">
            Nothing else is due today. Activate a runbook on the Runbooks page to schedule its checklists.
          </p>
        ) : (
          today.map((run) => (
            <Suspense key={run.id}>
              <RunCard run={run} canAct={canAct} timeZone={data.timeZone} />
            </Suspense>
          ))
        )}
      </section>
      <ProcedureStarter procedures={data.procedures} canAct={canAct} />
      <div className="grid gap-4 md:grid-cols-2">
        <UpcomingList title="This week" items={data.week} timeZone={data.timeZone} empty="Nothing else this week." />
        <UpcomingList
          title="This month"
          items={data.month}
          timeZone={data.timeZone}
          empty="Nothing else in the next 31 days."
        />
      </div>
    </div>
  );
}
