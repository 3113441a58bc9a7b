// The triage queue's row without a "now": what evaluateItem shows that is decided by the facts, plus
// the instants at which its now-dependent parts change (due soon, breached, stale). Stored per item
// (lib/triage/outcomes.ts) so the queue and Today read an indexed table instead of evaluating rules;
// queueRowAt turns a stored row back into evaluateItem's row at any instant (queue-outcome.test.ts).
import type { TeamSchedule } from "@/lib/team/schemas";
import type { ItemState, ItemType, StaleAction, TriageConfig } from "../schemas";
import { dueSoonSeconds, elapsedReachedAt, elapsedSeconds, runningState } from "./clock";
import { evaluateItem, type ItemFacts, type TriageRow } from "./evaluate";
import { resolveStatuses } from "./labels";
import { evaluateOutcome, type TriageOutcome } from "./outcome";
import { staleClock } from "./stale";

export type QueueOutcome = TriageOutcome & {
  open: boolean;
  type: ItemType | null;
  targetSeconds: number;
  dueAt: Date;
  dueSoonAt: Date | null;
  firstResponseAt: Date | null;
  firstPriorityAt: Date | null;
  priorityChanges: number;
  responseSeconds: number | null;
  lastHumanActivityAt: Date;
  /** Open items only: from this instant the item is stale (`staleAction`). */
  staleAt: Date | null;
  staleAction: StaleAction | null;
  reviewWaitingSince: Date | null;
};

export function evaluateQueueOutcome(f: ItemFacts, config: TriageConfig, schedule: TeamSchedule): QueueOutcome {
  const outcome = evaluateOutcome(f, config, schedule);
  // Every field read here is independent of `now` (evaluateItem's state, secondsLeft and stale are not read).
  const row = evaluateItem(f, config, schedule, f.createdAt);
  const stale = f.open ? staleClock(f.createdAt, f.activities, config) : null;
  return {
    ...outcome,
    open: f.open,
    type: row.type,
    targetSeconds: row.targetSeconds,
    dueAt: row.dueAt,
    dueSoonAt: outcome.stoppedAt ? null : elapsedReachedAt(schedule, f.createdAt, dueSoonSeconds(row.targetSeconds)),
    firstResponseAt: row.firstResponseAt,
    firstPriorityAt: row.firstPriorityAt,
    priorityChanges: row.priorityChanges,
    responseSeconds: row.responseSeconds,
    lastHumanActivityAt: stale?.lastHumanActivityAt ?? f.createdAt,
    staleAt: stale?.staleAt ?? null,
    staleAction: stale?.action ?? null,
    reviewWaitingSince: row.reviewWaitingSince,
  };
}

/** A stored row with its item's own columns, as lib/triage/stored-queue.ts reads it. */
export type StoredQueueRow = Omit<QueueOutcome, "priority"> &
  Pick<
    TriageRow,
    | "priority"
    | "id"
    | "repoId"
    | "repoKey"
    | "number"
    | "kind"
    | "title"
    | "url"
    | "createdAt"
    | "labels"
    | "assignees"
  >;

function stateAt(s: StoredQueueRow, secondsLeft: number | null): ItemState {
  if (secondsLeft !== null) return runningState(secondsLeft, s.targetSeconds);
  return s.withinTarget ? "responded" : "responded_late";
}

/** evaluateItem's row of an open item at `now`, from its stored outcome. */
export function queueRowAt(s: StoredQueueRow, config: TriageConfig, schedule: TeamSchedule, now: Date): TriageRow {
  const secondsLeft = s.stoppedAt ? null : s.targetSeconds - elapsedSeconds(schedule, s.createdAt, now);
  return {
    id: s.id,
    repoId: s.repoId,
    repoKey: s.repoKey,
    number: s.number,
    kind: s.kind,
    title: s.title,
    url: s.url,
    createdAt: s.createdAt,
    labels: s.labels,
    assignees: s.assignees,
    priority: s.priority,
    type: s.type,
    statuses: resolveStatuses(s.labels, config),
    clock: s.priority ? "response" : "triage",
    firstResponseAt: s.firstResponseAt,
    firstPriorityAt: s.firstPriorityAt,
    priorityChanges: s.priorityChanges,
    targetSeconds: s.targetSeconds,
    dueAt: s.dueAt,
    state: stateAt(s, secondsLeft),
    secondsLeft,
    responseSeconds: s.responseSeconds,
    lastHumanActivityAt: s.lastHumanActivityAt,
    stale: s.staleAt && now.getTime() >= s.staleAt.getTime() ? s.staleAction : null,
    reviewWaitingSince: s.reviewWaitingSince,
  };
}
