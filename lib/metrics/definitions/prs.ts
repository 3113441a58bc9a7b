// Pull request KPIs: opened, merged, closed unmerged, merge rate, first response, review and merge times.
import { RESPONDER, durationFamily, WINDOW, type KpiSpec } from "./shared";

export const PR_SPECS: KpiSpec[] = [
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
];
