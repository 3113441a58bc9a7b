// Every KPI steward reports: id (the API's), unit, which direction is good, its written definition
// (shown on the page, in the report and by the API) and, where a runbook sets one, its target.
// One file per KPI group; the order here is the API's and the page's. No database import.
import { BUG_SPECS, ISSUE_SPECS } from "./issues";
import { PR_SPECS } from "./prs";
import { ALERT_SPECS, CI_SPECS, RELEASE_SPECS } from "./delivery";
import { COMMUNITY_SPECS } from "./community";
import { INCIDENT_SPECS } from "./incidents";
import { TRIAGE_SPECS } from "./triage";
import type { KpiSpec } from "./shared";

export type { GoodDirection, KpiGroup, KpiSpec, KpiTarget, KpiUnit } from "./shared";
export { TRIAGE_SPECS };

export const KPI_SPECS: KpiSpec[] = [
  ...ISSUE_SPECS,
  ...PR_SPECS,
  ...BUG_SPECS,
  ...ALERT_SPECS,
  ...RELEASE_SPECS,
  ...CI_SPECS,
  ...COMMUNITY_SPECS,
  ...INCIDENT_SPECS,
];

/** KPIs whose data source does not exist in this installation; their value is always null. None today. */
export const NO_DATA_SOURCE = new Set<string>();

export const KPI_BY_ID = new Map([...KPI_SPECS, ...TRIAGE_SPECS].map((s) => [s.id, s]));

export function kpiSpec(id: string): KpiSpec {
  const spec = KPI_BY_ID.get(id);
  if (!spec) throw new Error(`unknown KPI ${id}`);
  return spec;
}
