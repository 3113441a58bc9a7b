"use client";
import type { IncidentSummary } from "@/lib/incidents/views/views";
import { formatMoment } from "@/components/health/format";
import { useNow } from "@/components/ui/time";
import { formatDuration } from "./format";

/** The response target counting down from started until acknowledgement; a breach stands out. */
export function ResponseCountdown({ incident }: { incident: IncidentSummary }) {
  const now = useNow(1000);
  const due = Date.parse(incident.responseDueAt);
  if (incident.acknowledgedAt) {
    const took = (Date.parse(incident.acknowledgedAt) - Date.parse(incident.startedAt)) / 1000;
    return (
      <span
        data-testid="response-countdown"
        className={incident.responseBreached ? "text-red-700 dark:text-red-400" : "text-green-800 dark:text-green-400"}
      >
        Acknowledged after {formatDuration(took)}
        {incident.responseBreached ? ` (target ${incident.type.responseMinutes} min missed)` : ""}
      </span>
    );
  }
  if (incident.resolvedAt) return <span data-testid="response-countdown">Never acknowledged</span>;
  if (now === null) {
    return (
      <span data-testid="response-countdown" className="font-medium tabular-nums">
        {incident.responseBreached ? "Response target breached at" : "Respond by"} {formatMoment(due)}
      </span>
    );
  }
  const left = (due - now) / 1000;
  if (left > 0) {
    return (
      <span data-testid="response-countdown" className="font-medium tabular-nums text-amber-800 dark:text-amber-300">
        Respond within {formatDuration(left)}
      </span>
    );
  }
  return (
    <span
      data-testid="response-countdown"
      className="inline-block rounded bg-red-700 px-1.5 py-0.5 font-bold tabular-nums text-white"
      role="status"
    >
      Response target breached {formatDuration(-left)} ago
    </span>
  );
}

export function Age({ since }: { since: string }) {
  const now = useNow(15_000);
  if (now === null) return <span className="tabular-nums">since {formatMoment(since)}</span>;
  return <span className="tabular-nums">{formatDuration((now - Date.parse(since)) / 1000)}</span>;
}
