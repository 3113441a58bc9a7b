"use client";
import Link from "next/link";
import { useHealthOverviewQuery, LIVE_REFRESH_MS } from "@/lib/health/hooks";
import type { OverviewFilter } from "@/lib/health/views/overview-plan";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { KpiDefinitions } from "./definitions";
import { Time } from "@/components/ui/time";
import { StatusLegend } from "@/components/charts/status-timeline";
import { LiveStatus } from "./live-status";
import { TargetGroup } from "./target-group";
import { FilterNote, GroupList, overviewHref, Pager, StateCounts } from "./overview-nav";

/**
 * Counts by state on top; below, as the URL's filter asks (overview-plan.ts): every group open (a
 * small install), the targets with problems and then every service group collapsed to one row, or
 * one page of a state's or a group's targets. Never more than one page of target cards.
 */
export function HealthOverview({ canManage, filter }: { canManage: boolean; filter: OverviewFilter }) {
  const query = useHealthOverviewQuery(filter);
  const data = query.data;
  if (!data) return <LiveStatus query={query} />;
  if (data.total === 0) {
    return (
      <EmptyState
        title="No health targets yet"
        action={
          canManage ? (
            <Link href="/health/targets/new" className={buttonClass()}>
              Add a target
            </Link>
          ) : undefined
        }
      >
        {canManage ? (
          <p>
            Add an HTTP check, a Prometheus /metrics endpoint or a push target, and steward starts checking it against
            the runbook&apos;s thresholds right away.
          </p>
        ) : (
          <p>
            Nothing is monitored yet. Ask an admin to add a health target (an HTTP check, a Prometheus endpoint or a
            push target).
          </p>
        )}
      </EmptyState>
    );
  }
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <StateCounts data={data} />
        <p className="text-xs text-neutral-500 dark:text-neutral-400">
          Updated <Time value={data.generatedAt} mode="absolute" seconds /> · refreshes every {LIVE_REFRESH_MS / 1000} s
          {query.error && (
            <span role="alert" className="ml-2 text-red-700 dark:text-red-400">
              Refresh failed: {query.error.message}
            </span>
          )}
        </p>
      </div>
      <StatusLegend states={["ok", "critical", "pending"]} />
      <KpiDefinitions />
      <FilterNote data={data} />
      {data.mode === "summary" && (
        <h2 className="text-base font-semibold" data-testid="attention">
          {data.matched === 0 ? (
            "No target has a problem"
          ) : (
            <>
              Needs attention ({data.matched}) ·{" "}
              <Link
                href={overviewHref({ state: "problems", size: data.filter.size })}
                className="text-sm font-normal text-sky-700 underline dark:text-sky-400"
              >
                list only these
              </Link>
            </>
          )}
        </h2>
      )}
      {data.groups.map((group) => (
        <TargetGroup
          key={group.name}
          group={group}
          partial={data.mode !== "all" && !(data.filter.group === group.name && !data.filter.state)}
          size={data.filter.size}
        />
      ))}
      <Pager data={data} />
      {data.mode !== "all" && <GroupList groups={data.serviceGroups} size={data.filter.size} />}
    </div>
  );
}
