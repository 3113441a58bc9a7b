// Incident KPIs over all types (per-type ones: ../incident-specs.ts).
import { type KpiSpec } from "./shared";

export const INCIDENT_SPECS: KpiSpec[] = [
  {
    id: "incidents.count",
    label: "Incidents",
    unit: "count",
    good: "down",
    group: "incidents",
    definition:
      "Incidents on the incident board whose start time is in the window, of every type and severity (incidents are not tied to one repository, so the repository filter does not apply).",
  },
  {
    id: "incidents.mtta",
    label: "Incident MTTA",
    unit: "seconds",
    good: "down",
    group: "incidents",
    definition:
      "Median time to acknowledge (acknowledged − started) of the incidents that started in the window and were acknowledged; unacknowledged ones are left out (count = how many were acknowledged). Per type and severity: Incidents → History.",
  },
  {
    id: "incidents.mttr",
    label: "Incident MTTR",
    unit: "seconds",
    good: "down",
    group: "incidents",
    definition:
      "Median time to resolve (resolved − started) of the incidents that started in the window and are resolved; open ones are left out (count = how many are resolved). Per type and severity: Incidents → History.",
  },
];
