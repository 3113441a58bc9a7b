// Check ids, importable from client code and the importer (no database access here).
export const CHECK_IDS = [
  "github.new_items",
  "github.prs_waiting_review",
  "github.ci_failing",
  "github.security_alerts",
  "github.sync_stale",
  "health.targets_not_ok",
  "health.error_rate",
  "health.response_time",
  "health.memory",
  "health.breakers_open",
  "triage.untriaged",
  "triage.p0_past_target",
  "triage.stale",
  "deps.overdue_updates",
  "incidents.open",
  "github.tag_appeared",
  "github.release_published",
  "github.commit_ci_green",
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export function isCheckId(value: string): value is CheckId {
  return (CHECK_IDS as readonly string[]).includes(value);
}

export type CheckStatus = "pass" | "fail" | "not_connected";
/** One evaluation: the value the definition names, whether the pass condition holds, and where to see the evidence. */
export type CheckResult = {
  id: CheckId;
  status: CheckStatus;
  value: number | null;
  display: string;
  evidenceUrl: string;
};
export type CheckMeta = { id: CheckId; label: string; definition: string; passCondition: string; evidenceUrl: string };
/** Procedure checks look at the run's release version (and repository); recurring ones at the present. */
export type CheckContext = {
  now: Date;
  since?: Date;
  scope?: CheckScope;
  procedure?: { version: string | null; repoId: string | null };
};
/** Limits the data a check reads (tests use it to read only their own rows); absent = everything enabled. */
export type CheckScope = { repoIds?: string[]; targetIds?: string[]; incidentIds?: string[] };
