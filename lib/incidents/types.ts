// Incident types with response and resolution targets. Defaults come from the seed runbooks:
// the service runbook (outage 15 min, security breach 5 min, performance 30 min) and the
// open-source runbook (critical security vulnerability fixed within 7 days, critical bug within a week).
import { db } from "@/lib/db";

export type IncidentTypeDefault = {
  key: string;
  label: string;
  responseMinutes: number;
  resolutionMinutes: number;
  procedure: string[];
};

const DAY = 24 * 60;
export const DEFAULT_INCIDENT_TYPES: IncidentTypeDefault[] = [
  {
    key: "outage",
    label: "System outage",
    responseMinutes: 15,
    resolutionMinutes: 4 * 60,
    procedure: [
      "Immediate response: assess outage scope",
      "Immediate response: notify stakeholders",
      "Immediate response: activate incident response team",
      "Investigation: check system logs",
      "Investigation: review recent changes (see suspect changes in the timeline)",
      "Investigation: identify root cause",
      "Recovery: implement fix",
      "Recovery: verify recovery",
      "Recovery: monitor stability",
      "Post-incident: document incident (postmortem)",
      "Post-incident: implement preventive measures",
      "Post-incident: update runbook",
    ],
  },
  {
    key: "security",
    label: "Security breach",
    responseMinutes: 5,
    resolutionMinutes: 7 * DAY,
    procedure: [
      "Immediate response: isolate affected systems",
      "Immediate response: preserve evidence",
      "Immediate response: notify security team",
      "Investigation: analyze breach scope",
      "Investigation: identify attack vector",
      "Investigation: assess data exposure",
      "Recovery: patch vulnerabilities (private branch, security advisory kept private)",
      "Recovery: restore from backup",
      "Recovery: verify security",
      "Post-incident: document breach and publish the security advisory",
      "Post-incident: implement security improvements",
      "Post-incident: notify stakeholders and users",
    ],
  },
  {
    key: "performance",
    label: "Performance degradation",
    responseMinutes: 30,
    resolutionMinutes: DAY,
    procedure: [
      "Assessment: monitor performance metrics",
      "Assessment: identify bottlenecks",
      "Assessment: check resource usage",
      "Investigation: review recent changes",
      "Investigation: check system resources",
      "Investigation: analyze performance data",
      "Resolution: implement performance fixes",
      "Resolution: optimize resource usage",
      "Resolution: monitor improvements",
      "Post-incident: document performance issues, implement monitoring, plan optimizations",
    ],
  },
  {
    key: "critical-bug",
    label: "Critical bug / data loss",
    responseMinutes: 60,
    resolutionMinutes: 7 * DAY,
    procedure: [
      "Reproduce the issue: verify it is actually critical, document reproduction steps",
      "Create a hotfix branch",
      "Fix and test: implement the fix, add a regression test, run the full test suite",
      "Emergency release: follow the patch release process (expedited)",
      "Notify users in the GitHub release notes",
    ],
  },
  {
    key: "other",
    label: "Other",
    responseMinutes: 60,
    resolutionMinutes: 14 * DAY,
    procedure: [
      "Assess scope and impact",
      "Investigate and identify the cause",
      "Fix and verify",
      "Document the incident",
    ],
  },
];

export type IncidentTypeView = IncidentTypeDefault;

let ensured: Promise<unknown> | null = null;

/** The configured types. Missing default types are inserted once per process (ON CONFLICT DO NOTHING: edits are kept). */
export async function getIncidentTypes(): Promise<IncidentTypeView[]> {
  ensured ??= db.incidentType
    .createMany({ data: DEFAULT_INCIDENT_TYPES, skipDuplicates: true })
    .catch((error: unknown) => {
      ensured = null;
      throw error;
    });
  await ensured;
  const rows = await db.incidentType.findMany({ orderBy: { responseMinutes: "asc" } });
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    responseMinutes: r.responseMinutes,
    resolutionMinutes: r.resolutionMinutes,
    procedure: Array.isArray(r.procedure) ? r.procedure.map(String) : [],
  }));
}

export async function getIncidentType(key: string): Promise<IncidentTypeView | null> {
  return (await getIncidentTypes()).find((t) => t.key === key) ?? null;
}
