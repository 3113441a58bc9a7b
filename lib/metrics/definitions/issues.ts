// Issue KPIs (opened, closed, open at the end, first response, time to close) and bug KPIs.
import { DAY, RESPONDER, durationFamily, WINDOW, type KpiSpec } from "./shared";

export const ISSUE_SPECS: KpiSpec[] = [
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
];

export const BUG_SPECS: KpiSpec[] = [
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
];
