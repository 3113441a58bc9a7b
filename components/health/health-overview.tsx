"use client";
import Link from "next/link";
import { useHealthOverviewQuery, LIVE_REFRESH_MS } from "@/lib/health/hooks";
import type { TargetStatus } from "@/lib/health/views/queries";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { KpiDefinitions } from "./definitions";
import { Time } from "@/components/ui/time";
import { StatusLegend } from "@/components/charts/status-timeline";
import { LiveStatus } from "./live-status";
import { StatusBadge } from "./status-badge";
import { TargetGroup } from "./target-group";

const COUNT_ORDER: TargetStatus[] = ["critical", "warning", "pending", "ok", "disabled"];

export function HealthOverview({ canManage }: { canManage: boolean }) {
  const query = useHealthOverviewQuery();
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
        <ul aria-label="Targets by state" className="flex flex-wrap gap-3 text-sm">
          {COUNT_ORDER.map((status) => (
            <li key={status} className="flex items-center gap-1.5">
              <StatusBadge status={status} /> <span data-testid={`count-${status}`}>{data.counts[status]}</span>
            </li>
          ))}
        </ul>
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
      {data.groups.map((group) => (
        <TargetGroup key={group.name} group={group} />
      ))}
    </div>
  );
}
