// Dependabot alerts open at the end, releases and default-branch CI.
import { WINDOW, CI_FAIL, type KpiSpec } from "./shared";

export const ALERT_SPECS: KpiSpec[] = [
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
];

export const RELEASE_SPECS: KpiSpec[] = [
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
];

export const CI_SPECS: KpiSpec[] = [
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
];
