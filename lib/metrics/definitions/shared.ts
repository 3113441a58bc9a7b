// The shapes of a KPI definition and the phrases and families the groups' files share.
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

export const DAY = 86_400;
export const RESPONDER =
  "A responder is a user who is not a bot (GitHub's Bot type), not a deleted account, not the item's author and not on the ignore list (STEWARD_METRICS_IGNORE_LOGINS).";
const STATS: Record<string, [string, string]> = {
  median: ["median", "the conventional median (mean of the two middle values for an even count)"],
  p90: ["p90", "the 90th percentile by nearest rank (the value at rank ⌈0.9·n⌉ of the sorted values)"],
  mean: ["mean", "the arithmetic mean"],
  count: ["count", "how many items have a value"],
};

export function durationFamily(
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

export const WINDOW = "The window is [start, end) in the team's time zone.";
export const CI_FAIL = "failure, timed out, cancelled, action required or startup failure";
