// Incident KPIs from the incident board: every incident (not filtered by repository) that started in the
// window, overall and per incident type (the runbook's "MTTA, MTTR by type").
import { db } from "@/lib/db";
import { summarize } from "@/lib/incidents/views/stats";
import { getIncidentTypes } from "@/lib/incidents/types";
import type { IncidentTypeRef } from "./incident-specs";
import type { KpiValues, WindowBounds } from "./types";

export type { IncidentTypeRef };
export { incidentTypeSpecs } from "./incident-specs";

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

type Row = { startedAt: Date; acknowledgedAt: Date | null; resolvedAt: Date | null };

function measure(prefix: string, rows: Row[]): KpiValues {
  const mtta = summarize(rows.flatMap((r) => (r.acknowledgedAt ? [seconds(r.startedAt, r.acknowledgedAt)] : [])));
  const mttr = summarize(rows.flatMap((r) => (r.resolvedAt ? [seconds(r.startedAt, r.resolvedAt)] : [])));
  return {
    [`${prefix}.count`]: { value: rows.length, count: rows.length },
    [`${prefix}.mtta`]: { value: mtta.median, count: mtta.count },
    [`${prefix}.mttr`]: { value: mttr.median, count: mttr.count },
  };
}

/** The incident types KPIs are given for: every configured type (defaults and the admins' own). */
export async function listIncidentTypeRefs(): Promise<IncidentTypeRef[]> {
  return (await getIncidentTypes()).map((t) => ({ key: t.key, label: t.label }));
}

/** Read fresh on every call (cheap, indexed by startedAt): incidents change outside the GitHub data the cache tracks. */
export async function getIncidentKpis(windows: WindowBounds[], types?: IncidentTypeRef[]): Promise<KpiValues[]> {
  if (windows.length === 0) return [];
  const start = new Date(Math.min(...windows.map((w) => w.start.getTime())));
  const end = new Date(Math.max(...windows.map((w) => w.end.getTime())));
  const [rows, typeRefs] = await Promise.all([
    db.incident.findMany({
      where: { startedAt: { gte: start, lt: end } },
      select: { typeKey: true, startedAt: true, acknowledgedAt: true, resolvedAt: true },
    }),
    types ?? listIncidentTypeRefs(),
  ]);
  return windows.map((w) => {
    const started = rows.filter((r) => r.startedAt >= w.start && r.startedAt < w.end);
    const values = measure("incidents", started);
    for (const t of typeRefs)
      Object.assign(
        values,
        measure(
          `incidents.type.${t.key}`,
          started.filter((r) => r.typeKey === t.key),
        ),
      );
    return values;
  });
}
