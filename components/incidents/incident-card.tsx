import Link from "next/link";
import type { IncidentSummary } from "@/lib/incidents/views/views";
import { Age, ResponseCountdown } from "./countdown";
import { SEVERITY_BORDER, SeverityBadge } from "./format";

export function IncidentCard({ incident }: { incident: IncidentSummary }) {
  const breached = incident.responseBreached && !incident.acknowledgedAt && !incident.resolvedAt;
  return (
    <li
      data-testid="incident-card"
      className={`rounded-md border border-l-4 bg-white p-3 shadow-sm dark:bg-neutral-900 ${SEVERITY_BORDER[incident.severity]} ${breached ? "border-red-500 ring-2 ring-red-500 dark:border-red-500" : "border-neutral-200 dark:border-neutral-800"}`}
    >
      <div className="flex flex-wrap items-center gap-2 text-xs text-neutral-600 dark:text-neutral-400">
        <SeverityBadge severity={incident.severity} />
        <span>{incident.type.label}</span>
        <span aria-label="age">
          open <Age since={incident.startedAt} />
        </span>
        {incident.public && (
          <span className="rounded border border-neutral-300 px-1 dark:border-neutral-700">public</span>
        )}
      </div>
      <h3 className="mt-1 font-semibold">
        <Link href={`/incidents/${incident.id}`} className="hover:underline focus-visible:underline">
          {incident.title}
        </Link>
      </h3>
      <p className="mt-1 text-sm">
        <ResponseCountdown incident={incident} />
      </p>
      <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">
        Commander: {incident.commanderName ?? "none yet"}
      </p>
      {incident.resolutionProposedAt && !incident.resolvedAt && (
        <p className="mt-1 text-xs font-medium text-green-800 dark:text-green-400">
          Alerts cleared — resolution proposed
        </p>
      )}
      {incident.latestUpdate && (
        <p className="mt-2 line-clamp-2 border-t border-neutral-100 pt-2 text-sm text-neutral-700 dark:border-neutral-800 dark:text-neutral-300">
          {incident.latestUpdate.body}
        </p>
      )}
    </li>
  );
}
