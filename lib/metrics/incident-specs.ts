// Definitions of the per-type incident KPIs (`incidents.type.<key>.count|mtta|mttr`); ids follow the
// configured incident types, so they are made per type rather than listed in definitions/.
import type { KpiSpec } from "./definitions";
import type { KpiResult } from "./types";

export type IncidentTypeRef = { key: string; label: string };

/** Per-type count, MTTA and MTTR: the same definitions as the overall ones, for one type's incidents. */
export function incidentTypeSpecs(type: IncidentTypeRef): KpiSpec[] {
  const id = `incidents.type.${type.key}`;
  const scope = `Only incidents of the type "${type.label}" (key ${type.key}).`;
  return [
    {
      id: `${id}.count`,
      label: `${type.label}: incidents`,
      unit: "count",
      good: "down",
      group: "incidents",
      definition: `Incidents on the incident board whose start time is in the window. ${scope}`,
    },
    {
      id: `${id}.mtta`,
      label: `${type.label}: MTTA`,
      unit: "seconds",
      good: "down",
      group: "incidents",
      definition: `Median time to acknowledge (acknowledged − started) of the incidents that started in the window and were acknowledged (count = how many). ${scope}`,
    },
    {
      id: `${id}.mttr`,
      label: `${type.label}: MTTR`,
      unit: "seconds",
      good: "down",
      group: "incidents",
      definition: `Median time to resolve (resolved − started) of the incidents that started in the window and are resolved (count = how many). ${scope}`,
    },
  ];
}

export type IncidentTypeRow = { type: IncidentTypeRef; count?: KpiResult; mtta?: KpiResult; mttr?: KpiResult };

/** The "By type" rows of a view (page table and report): types with incidents in the window or the previous one. */
export function incidentTypeRows(view: { kpis: KpiResult[]; incidentTypes: IncidentTypeRef[] }): IncidentTypeRow[] {
  const byId = new Map(view.kpis.map((k) => [k.id, k]));
  return view.incidentTypes
    .map((type) => {
      const id = `incidents.type.${type.key}`;
      return { type, count: byId.get(`${id}.count`), mtta: byId.get(`${id}.mtta`), mttr: byId.get(`${id}.mttr`) };
    })
    .filter((r) => (r.count?.value ?? 0) > 0 || (r.count?.previous.value ?? 0) > 0);
}
