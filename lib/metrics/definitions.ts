// Every KPI steward reports: id (the API's), unit, which direction is good, its written definition
// (shown on the page, in the report and by the API) and, where a runbook sets one, its target.
// No database import: components read these directly.
export type KpiUnit = "count" | "seconds" | "ratio" | "percent" | "ms" | "per_second" | "bytes";
export type GoodDirection = "up" | "down" | "neutral";
/** green when the value meets `value`; amber when it meets `amber`; red otherwise. */
export type KpiTarget = { comparison: "lt" | "gte"; value: number; amber: number; text: string };
export type KpiSpec = {
  id: string;
  label: string;
  unit: KpiUnit;
  good: GoodDirection;
  definition: string;
  target?: KpiTarget;
  group: KpiGroup;
};
export type KpiGroup =
  "issues" | "prs" | "bugs" | "alerts" | "releases" | "ci" | "community" | "runtime" | "incidents" | "triage";

const DAY = 86_400;
const RESPONDER =
  "A responder is a user who is not a bot (GitHub's Bot type), not a deleted account, not the item's author and not on the ignore list (STEWARD_METRICS_IGNORE_LOGINS).";
const STATS: Record<string, [string, string]> = {
  median: ["median", "the conventional median (mean of the two middle values for an even count)"],
  p90: ["p90", "the 90th percentile by nearest rank (the value at rank ⌈0.9·n⌉ of the sorted values)"],
  mean: ["mean", "the arithmetic mean"],
  count: ["count", "how many items have a value"],
};

function durationFamily(
  prefix: string,
  label: string,
  base: string,
  group: KpiGroup,
  target?: { stat: string; t: KpiTarget },
): KpiSpec[] {
  return Object.entries(STATS).map(([stat, [name, text]]) => ({
    id: `${prefix}.${stat}`,
    label: `${label} (${name})`,
    unit: stat === "count" ? "count" : "seconds",
    good: stat === "count" ? "neutral" : "down",
    definition: `${base} Reported as ${text}.`,
    group,
    ...(target && target.stat === stat ? { target: target.t } : {}),
  }));
}

const WINDOW = "The window is [start, end) in the team's time zone.";
const CI_FAIL = "failure, timed out, cancelled, action required or startup failure";

export const KPI_SPECS: KpiSpec[] = [
  {
    id: "issues.opened",
    label: "Issues opened",
    unit: "count",
    good: "neutral",
    group: "issues",
    definition: `Issues created in the window (a transferred issue keeps its original creation time). Issues transferred away or deleted are not counted. ${WINDOW}`,
  },
  {
    id: "issues.closed",
    label: "Issues closed",
    unit: "count",
    good: "up",
    group: "issues",
    definition: `Issues whose current state is closed and whose last close falls in the window, whenever they were created. ${WINDOW}`,
  },
  {
    id: "issues.open_at_end",
    label: "Open issues at the end",
    unit: "count",
    good: "down",
    group: "issues",
    definition:
      "Issues created before the end of the window and open at that instant, replaying their close and reopen events (without events: closed from their close time on).",
  },
  ...durationFamily(
    "issues.first_response",
    "Issue first response",
    `Time from an issue's creation to the earliest comment by a responder, whenever it came, for the issues created in the window. ${RESPONDER}`,
    "issues",
    {
      stat: "mean",
      t: {
        comparison: "lt",
        value: 3 * DAY,
        amber: 5 * DAY,
        text: "Average response time < 3 days (O&M success metrics); amber under 5 days.",
      },
    },
  ),
  {
    id: "issues.first_response.without",
    label: "Issues without a response",
    unit: "count",
    good: "down",
    group: "issues",
    definition: `Issues created in the window that have no comment by a responder yet. ${RESPONDER}`,
  },
  ...durationFamily(
    "issues.time_to_close",
    "Issue time to close",
    "Closed − created, for the issues counted in Issues closed.",
    "issues",
  ),
  {
    id: "prs.opened",
    label: "Pull requests opened",
    unit: "count",
    good: "neutral",
    group: "prs",
    definition: `Pull requests created in the window, drafts included. ${WINDOW}`,
  },
  {
    id: "prs.merged",
    label: "Pull requests merged",
    unit: "count",
    good: "up",
    group: "prs",
    definition: `Pull requests merged in the window. ${WINDOW}`,
  },
  {
    id: "prs.closed_unmerged",
    label: "Pull requests closed unmerged",
    unit: "count",
    good: "neutral",
    group: "prs",
    definition: `Pull requests whose current state is closed without merge and whose last close falls in the window.`,
  },
  {
    id: "prs.merge_rate",
    label: "Merge rate",
    unit: "ratio",
    good: "up",
    group: "prs",
    definition: "Merged ÷ (merged + closed unmerged) in the window; no value when both are 0.",
  },
  ...durationFamily(
    "prs.first_response",
    "PR first response",
    `Time from a pull request's creation to the earliest comment or submitted review by a responder, whenever it came, for the pull requests created in the window. ${RESPONDER}`,
    "prs",
  ),
  {
    id: "prs.first_response.without",
    label: "PRs without a response",
    unit: "count",
    good: "down",
    group: "prs",
    definition: `Pull requests created in the window with no comment or submitted review by a responder yet. ${RESPONDER}`,
  },
  ...durationFamily(
    "prs.time_to_first_review",
    "Time to first review",
    `For pull requests created in the window that have been ready for review: from the clock start (creation, or the first "ready for review" event when opened as a draft, so draft time is excluded) to the earliest submitted review by a responder (0 when it came during the draft). Pull requests without a review yet are not counted. ${RESPONDER}`,
    "prs",
  ),
  ...durationFamily(
    "prs.time_to_merge",
    "Time to merge",
    'Merged − clock start (creation, or the first "ready for review" when opened as a draft), for pull requests merged in the window.',
    "prs",
  ),
  ...durationFamily(
    "bugs.mttr",
    "Bug MTTR",
    'Closed − created, for the issues counted in Issues closed that carry the bug label (STEWARD_METRICS_BUG_LABEL, default "bug").',
    "bugs",
    {
      stat: "mean",
      t: {
        comparison: "lt",
        value: 14 * DAY,
        amber: 21 * DAY,
        text: "Average MTTR < 2 weeks (O&M success metrics); amber under 3 weeks.",
      },
    },
  ),
  {
    id: "bugs.p0_within_week",
    label: "Critical bugs closed within a week",
    unit: "ratio",
    good: "up",
    group: "bugs",
    definition:
      'Of the issues counted in Issues closed that carry a critical label (STEWARD_METRICS_CRITICAL_LABELS, default "P0"), the share closed within 7 days (604,800 s) of creation; no value when there are none.',
    target: {
      comparison: "gte",
      value: 1,
      amber: 0.8,
      text: "All critical bugs resolved within 1 week (O&M success metrics); amber at 80 %.",
    },
  },
  ...(["critical", "high", "moderate", "low"] as const).map((s): KpiSpec => ({
    id: `alerts.open_at_end.${s}`,
    label: `Open ${s} alerts at the end`,
    unit: "count",
    good: "down",
    group: "alerts",
    definition: `Dependabot alerts of ${s} severity created before the end of the window and not fixed, dismissed or auto-dismissed before it.`,
  })),
  {
    id: "alerts.open_at_end.total",
    label: "Open alerts at the end",
    unit: "count",
    good: "down",
    group: "alerts",
    definition:
      "Dependabot alerts of any severity (unknown included) created before the end of the window and not fixed, dismissed or auto-dismissed before it.",
  },
  {
    id: "releases.published",
    label: "Releases published",
    unit: "count",
    good: "up",
    group: "releases",
    definition: `Releases (not drafts) published in the window, pre-releases included. ${WINDOW}`,
  },
  {
    id: "releases.prereleases",
    label: "Pre-releases published",
    unit: "count",
    good: "neutral",
    group: "releases",
    definition: "Of the releases published in the window, those marked pre-release.",
  },
  {
    id: "ci.completed",
    label: "Default-branch CI runs",
    unit: "count",
    good: "neutral",
    group: "ci",
    definition:
      "Completed check suites of default-branch commits whose completion (the last completion of their check runs; the suite's update time when it has no runs, e.g. a startup failure) falls in the window.",
  },
  {
    id: "ci.pass_rate",
    label: "CI pass rate",
    unit: "ratio",
    good: "up",
    group: "ci",
    definition: `Of those suites: success ÷ (success + ${CI_FAIL}); neutral, skipped and stale are left out. No value when there are none.`,
    target: {
      comparison: "gte",
      value: 0.95,
      amber: 0.8,
      text: "CI/CD operational (O&M summary): at least 95 % of default-branch runs pass; amber from 80 %.",
    },
  },
  {
    id: "community.stars",
    label: "Stars",
    unit: "count",
    good: "up",
    group: "community",
    definition:
      "Stars at the end of the window: the last daily snapshot taken before the end (summed over the selected repositories).",
  },
  {
    id: "community.forks",
    label: "Forks",
    unit: "count",
    good: "up",
    group: "community",
    definition:
      "Forks at the end of the window: the last daily snapshot taken before the end (summed over the selected repositories).",
  },
  {
    id: "community.stars.change",
    label: "Stars gained",
    unit: "count",
    good: "up",
    group: "community",
    definition:
      "Stars at the end − stars at the start of the window (last daily snapshots before each); no value without both.",
  },
  {
    id: "community.forks.change",
    label: "Forks gained",
    unit: "count",
    good: "up",
    group: "community",
    definition:
      "Forks at the end − forks at the start of the window (last daily snapshots before each); no value without both.",
  },
  {
    id: "community.new_contributors",
    label: "New contributors",
    unit: "count",
    good: "up",
    group: "community",
    definition:
      "People (not bots or deleted accounts) whose first merged pull request in the selected repositories was merged in the window.",
  },
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

const TRIAGE_BASE =
  "Of the issues and pull requests created in the window whose response clock has stopped or run out (answered, answered late, or breached), the share answered within their priority's target (Settings → Triage; the runbook's 24 h / 3 days / 1 week / 2 weeks, and 48 h to triage an unlabelled item), evaluated as of now by the triage feature. No value when none is decided.";
/** Computed by lib/metrics/triage-kpis.ts from the triage feature's evaluation. */
export const TRIAGE_SPECS: KpiSpec[] = [
  {
    id: "triage.within_target",
    label: "Answered within target",
    unit: "ratio",
    good: "up",
    group: "triage",
    definition: `${TRIAGE_BASE} All priorities and untriaged items.`,
  },
  ...(["P0", "P1", "P2", "P3"] as const).map((p): KpiSpec => ({
    id: `triage.within_target.${p}`,
    label: `${p} answered within target`,
    unit: "ratio",
    good: "up",
    group: "triage",
    definition: `${TRIAGE_BASE} ${p} items only.`,
  })),
];

/** KPIs whose data source does not exist in this installation; their value is always null. None today. */
export const NO_DATA_SOURCE = new Set<string>();

export const KPI_BY_ID = new Map([...KPI_SPECS, ...TRIAGE_SPECS].map((s) => [s.id, s]));

export function kpiSpec(id: string): KpiSpec {
  const spec = KPI_BY_ID.get(id);
  if (!spec) throw new Error(`unknown KPI ${id}`);
  return spec;
}
