// One item's triage facts → its row in the queue. The queue, the API, the SLA summary and the
// Today counts all go through this function.
import type { TeamSchedule } from "@/lib/team/schemas";
import type { ItemState, ItemType, Priority, StaleAction, TriageConfig } from "../schemas";
import { evaluateClock } from "./clock";
import { type Contribution, countsAsResponse, firstResponseAt } from "./first-response";
import { type LabelEvent, priorityHistory, resolvePriority, resolveStatuses, resolveType } from "./labels";
import { type Activity, evaluateStale } from "./stale";

export type ItemFacts = {
  id: string;
  repoId: string;
  repoKey: string;
  number: number;
  kind: "issue" | "pull_request";
  title: string;
  url: string;
  open: boolean;
  createdAt: Date;
  closedAt: Date | null;
  authorLogin: string | null;
  isDraft: boolean;
  readyForReviewAt: Date | null;
  labels: string[];
  assignees: string[];
  labelEvents: LabelEvent[];
  /** Comments and submitted reviews (at least each author's earliest). */
  contributions: Contribution[];
  /** Comments, reviews and events with their actor type (at least each author's latest). */
  activities: Activity[];
  pendingReviewRequests: number;
};

export type TriageRow = {
  id: string;
  repoId: string;
  repoKey: string;
  number: number;
  kind: "issue" | "pull_request";
  title: string;
  url: string;
  createdAt: Date;
  labels: string[];
  assignees: string[];
  priority: Priority | null;
  type: ItemType | null;
  statuses: string[];
  /** Which clock runs: "triage" until a priority label, then "response". */
  clock: "triage" | "response";
  firstResponseAt: Date | null;
  firstPriorityAt: Date | null;
  priorityChanges: number;
  targetSeconds: number;
  dueAt: Date;
  state: ItemState;
  secondsLeft: number | null;
  responseSeconds: number | null;
  lastHumanActivityAt: Date;
  stale: StaleAction | null;
  /** Open non-draft PRs waiting for a first review or a requested re-review: since when. */
  reviewWaitingSince: Date | null;
};

function reviewWaitingSince(f: ItemFacts, ignore: ReadonlySet<string>): Date | null {
  if (f.kind !== "pull_request" || !f.open || f.isDraft) return null;
  const reviewed = f.contributions.some((c) => c.kind === "review" && countsAsResponse(f, c, ignore));
  if (reviewed && f.pendingReviewRequests === 0) return null;
  return f.readyForReviewAt ?? f.createdAt;
}

export function evaluateItem(f: ItemFacts, config: TriageConfig, schedule: TeamSchedule, now: Date): TriageRow {
  const priority = resolvePriority(f.labels, config);
  const history = priorityHistory(f.labelEvents, config);
  const responseAt = firstResponseAt(f, f.contributions, config.ignoreLogins);
  const clock = priority ? "response" : "triage";
  const targetSeconds = priority ? config.targets[priority] : config.targets.triage;
  const stop = priority ? responseAt : history.firstPriorityAt;
  const result = evaluateClock(schedule, {
    start: f.createdAt,
    stop: stop ?? (f.open ? null : f.closedAt),
    targetSeconds,
    now,
  });
  const stale = f.open
    ? evaluateStale(f.createdAt, f.activities, config, now)
    : { lastHumanActivityAt: f.createdAt, stale: null };
  const ignore = new Set(config.ignoreLogins.map((l) => l.toLowerCase()));
  return {
    id: f.id,
    repoId: f.repoId,
    repoKey: f.repoKey,
    number: f.number,
    kind: f.kind,
    title: f.title,
    url: f.url,
    createdAt: f.createdAt,
    labels: f.labels,
    assignees: f.assignees,
    priority,
    type: resolveType(f.labels, config),
    statuses: resolveStatuses(f.labels, config),
    clock,
    firstResponseAt: responseAt,
    firstPriorityAt: history.firstPriorityAt,
    priorityChanges: history.changes,
    targetSeconds,
    dueAt: result.dueAt,
    state: result.state,
    secondsLeft: result.secondsLeft,
    responseSeconds: result.responseSeconds,
    lastHumanActivityAt: stale.lastHumanActivityAt,
    stale: stale.stale,
    reviewWaitingSince: reviewWaitingSince(f, ignore),
  };
}
