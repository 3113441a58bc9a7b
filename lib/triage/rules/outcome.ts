// An item's triage outcome without a "now": the part of evaluateItem's clock that a stored row can
// hold. A stopped clock is decided for good (within target or late); a running one is breached
// from `breachAt` on. Stored per item (lib/triage/outcomes/) so the metrics need not evaluate rules.
import { addBusinessSeconds } from "@/lib/team/business-time";
import type { TeamSchedule } from "@/lib/team/schemas";
import type { Priority, TriageConfig } from "../schemas";
import type { ItemFacts } from "./evaluate";
import { elapsedSeconds } from "./clock";
import { firstResponseAt } from "./first-response";
import { priorityHistory, resolvePriority } from "./labels";

export type TriageOutcome = {
  priority: Priority | null;
  /** When the clock stopped (response, first priority, or close), null while it runs. */
  stoppedAt: Date | null;
  /** Stopped within the target; null while running. */
  withinTarget: boolean | null;
  /** Running: the first instant evaluateClock calls it breached (elapsed > target); null when never. */
  breachAt: Date | null;
};

/** First instant at which floor(elapsed seconds) exceeds the target, i.e. elapsed reaches target + 1 s. */
function breachInstant(schedule: TeamSchedule, start: Date, targetSeconds: number): Date | null {
  if (!schedule.businessHours) return new Date(start.getTime() + (targetSeconds + 1) * 1000);
  try {
    return addBusinessSeconds(schedule, start, targetSeconds + 1);
  } catch {
    return null; // no working time within the scan horizon: the clock never runs out (as dueAt's fallback)
  }
}

/** Same clock, start and stop as evaluateItem (rules/evaluate.ts); outcome.test.ts checks both agree. */
export function evaluateOutcome(f: ItemFacts, config: TriageConfig, schedule: TeamSchedule): TriageOutcome {
  const priority = resolvePriority(f.labels, config);
  const targetSeconds = priority ? config.targets[priority] : config.targets.triage;
  const stop = priority
    ? firstResponseAt(f, f.contributions, config.ignoreLogins)
    : priorityHistory(f.labelEvents, config).firstPriorityAt;
  const stoppedAt = stop ?? (f.open ? null : f.closedAt);
  if (stoppedAt)
    return {
      priority,
      stoppedAt,
      withinTarget: elapsedSeconds(schedule, f.createdAt, stoppedAt) <= targetSeconds,
      breachAt: null,
    };
  return {
    priority,
    stoppedAt: null,
    withinTarget: null,
    breachAt: breachInstant(schedule, f.createdAt, targetSeconds),
  };
}

/** The metrics' reading of an outcome at `now`: decided (not within / due soon) and responded within target. */
export function outcomeAt(o: TriageOutcome, now: Date): { decided: boolean; responded: boolean } {
  if (o.stoppedAt) return { decided: true, responded: o.withinTarget === true };
  return { decided: o.breachAt !== null && o.breachAt <= now, responded: false };
}
