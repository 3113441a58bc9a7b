"use client";
import Link from "next/link";
import { useIncidentQuery } from "@/lib/incidents/hooks";
import { LiveStatus } from "@/components/health/live-status";
import { formatMoment } from "@/components/health/format";
import { Age, ResponseCountdown } from "./countdown";
import { SeverityBadge, STATUS_LABEL } from "./format";
import { IncidentActions } from "./incident-actions";
import { IncidentTimeline } from "./timeline";
import { LinkedTargets } from "./linked-targets";
import { PostmortemPanel } from "./postmortem-panel";
import { IncidentEditor, type EditorOptions } from "./incident-editor";
import { RelatedItems } from "./related-items";
import { LinkedRunButton } from "@/components/runbooks/linked-run-button";
import { FormError } from "@/components/ui/form-message";

export function IncidentDetailView({
  id,
  canAct,
  editorOptions = null,
}: {
  id: string;
  canAct: boolean;
  editorOptions?: EditorOptions | null;
}) {
  const query = useIncidentQuery(id);
  const incident = query.data;
  if (!incident) return <LiveStatus query={query} what="incident" />;
  const times: Array<[string, string | null]> = [
    ["Started", incident.startedAt],
    ["Detected", incident.detectedAt],
    ["Acknowledged", incident.acknowledgedAt],
    ["Mitigated", incident.mitigatedAt],
    ["Resolved", incident.resolvedAt],
  ];
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/incidents" className="underline">
          ← Incidents
        </Link>
      </p>
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <SeverityBadge severity={incident.severity} />
          <span
            className="rounded bg-neutral-200 px-1.5 py-0.5 text-xs font-medium dark:bg-neutral-800"
            data-testid="incident-status"
          >
            {STATUS_LABEL[incident.status]}
          </span>
          <span>{incident.type.label}</span>
          <span className="text-neutral-500">· {incident.public ? "public" : "internal"}</span>
          {!incident.resolvedAt && (
            <span className="text-neutral-500">
              · open <Age since={incident.startedAt} />
            </span>
          )}
        </div>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="incident-title">
          {incident.title}
        </h1>
        <p className="text-sm">
          <ResponseCountdown incident={incident} />{" "}
          <span className="text-neutral-500">(target {incident.type.responseMinutes} min from start)</span>
        </p>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Commander: {incident.commanderName ?? "none"}{" "}
          {incident.acknowledgedBy && <>· acknowledged by {incident.acknowledgedBy}</>}
        </p>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-5">
          {times.map(([label, value]) => (
            <div key={label}>
              <dt className="text-neutral-500">{label}</dt>
              <dd className="tabular-nums">{value ? formatMoment(value) : "—"}</dd>
            </div>
          ))}
        </dl>
        {query.error && <FormError>Refresh failed: {query.error.message}</FormError>}
      </header>
      {incident.resolutionProposedAt && !incident.resolvedAt && (
        <div
          role="status"
          className="rounded-lg border border-green-300 bg-green-50 p-3 text-sm dark:border-green-900 dark:bg-green-950/40"
          data-testid="resolution-proposed"
        >
          All alerts of the affected targets cleared at {formatMoment(incident.resolutionProposedAt)}. Resolve the
          incident if the service is healthy.
        </div>
      )}
      {canAct && <IncidentActions incident={incident} />}
      {canAct && editorOptions && <IncidentEditor incident={incident} options={editorOptions} />}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <IncidentTimeline events={incident.timeline} />
        </div>
        <section
          aria-labelledby="procedure"
          className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
        >
          <h2 id="procedure" className="font-semibold">
            Emergency procedure
          </h2>
          <p className="mt-1 text-xs text-neutral-500">{incident.type.label}, from the service runbook.</p>
          <LinkedRunButton
            target={{ from: "incident", incidentId: incident.id }}
            canAct={canAct}
            label="Open the procedure checklist"
          />
          <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
            {incident.procedure.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </section>
      </div>
      <LinkedTargets incident={incident} />
      <RelatedItems incident={incident} canAct={canAct} />
      <PostmortemPanel incident={incident} canAct={canAct} />
    </div>
  );
}
