"use client";
import Link from "next/link";
import { useTargetDetailQuery } from "@/lib/health/hooks";
import type { IncidentDetail } from "@/lib/incidents/views/views";
import { TargetCharts } from "@/components/health/target-charts";
import { LiveStatus } from "@/components/health/live-status";
import type { SeriesWindow } from "@/lib/health/schemas";

const HOUR = 3600_000;
const RANGE_MS = { "1h": HOUR, "6h": 6 * HOUR, "24h": 24 * HOUR, "7d": 168 * HOUR, "30d": 720 * HOUR } as const;

function windowOf(incident: IncidentDetail): SeriesWindow {
  const from = Date.parse(incident.startedAt) - HOUR;
  if (incident.resolvedAt)
    return { from: new Date(from), to: new Date(Math.min(Date.parse(incident.resolvedAt) + HOUR, Date.now())) };
  // Open: a live range ending now that covers an hour before the start.
  const needed = Date.now() - from;
  const range = (["1h", "6h", "24h", "7d", "30d"] as const).find((r) => RANGE_MS[r] >= needed) ?? "90d";
  return { range };
}

function TargetPanel({ id, name, span }: { id: string; name: string; span: SeriesWindow }) {
  const query = useTargetDetailQuery(id);
  return (
    <section aria-label={`Charts of ${name}`} className="space-y-2">
      <h3 className="font-medium">
        <Link href={`/health/${id}`} className="underline">
          {name}
        </Link>
      </h3>
      {query.data ? (
        <TargetCharts id={id} span={span} detail={query.data} />
      ) : (
        <LiveStatus query={query} what="target" />
      )}
    </section>
  );
}

/** The affected health targets' charts from an hour before the start to an hour after the resolution (live while open). */
export function LinkedTargets({ incident }: { incident: IncidentDetail }) {
  if (incident.targets.length === 0) return null;
  const span = windowOf(incident);
  return (
    <section aria-labelledby="linked-targets" className="space-y-4">
      <h2 id="linked-targets" className="font-semibold">
        Affected health targets
      </h2>
      {incident.targets.map((t) => (
        <TargetPanel key={t.id} id={t.id} name={t.name} span={span} />
      ))}
    </section>
  );
}
