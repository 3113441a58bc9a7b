"use client";
import { useEffect, useState } from "react";
import type { IncidentSummary } from "@/lib/incidents/views/views";
import { formatDuration } from "./format";

function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The response target counting down from started until acknowledgement; a breach stands out. */
export function ResponseCountdown({ incident }: { incident: IncidentSummary }) {
  const now = useNow();
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
  return <span className="tabular-nums">{formatDuration((now - Date.parse(since)) / 1000)}</span>;
}
