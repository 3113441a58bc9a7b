// Response and triage clocks: calendar time, or business time when the team schedule says so.
import { addBusinessSeconds, businessSecondsBetween } from "@/lib/team/business-time";
import type { TeamSchedule } from "@/lib/team/schemas";
import type { ItemState } from "../schemas";

export type ClockKind = "calendar" | "business";

export function clockKind(schedule: TeamSchedule): ClockKind {
  return schedule.businessHours ? "business" : "calendar";
}

export function elapsedSeconds(schedule: TeamSchedule, from: Date, to: Date): number {
  if (to <= from) return 0;
  return Math.floor(
    schedule.businessHours ? businessSecondsBetween(schedule, from, to) : (to.getTime() - from.getTime()) / 1000,
  );
}

export function dueAt(schedule: TeamSchedule, start: Date, targetSeconds: number): Date {
  if (!schedule.businessHours) return new Date(start.getTime() + targetSeconds * 1000);
  try {
    return addBusinessSeconds(schedule, start, targetSeconds);
  } catch {
    return new Date(start.getTime() + targetSeconds * 1000); // a schedule without working time: the queue still renders
  }
}

export type ClockResult = {
  state: ItemState;
  dueAt: Date;
  /** Clock seconds left until the target (negative: overdue by), null once stopped. */
  secondsLeft: number | null;
  /** Clock seconds from start to stop (the response time), null while running. */
  responseSeconds: number | null;
};

/**
 * within: running with at least 25 % of the target left; due_soon: less left; breached: running
 * and past the target; responded / responded_late: stopped within / after the target.
 */
export function evaluateClock(
  schedule: TeamSchedule,
  input: { start: Date; stop: Date | null; targetSeconds: number; now: Date },
): ClockResult {
  const { start, stop, targetSeconds, now } = input;
  const due = dueAt(schedule, start, targetSeconds);
  if (stop) {
    const took = elapsedSeconds(schedule, start, stop);
    return {
      state: took <= targetSeconds ? "responded" : "responded_late",
      dueAt: due,
      secondsLeft: null,
      responseSeconds: took,
    };
  }
  const left = targetSeconds - elapsedSeconds(schedule, start, now);
  return { state: runningState(left, targetSeconds), dueAt: due, secondsLeft: left, responseSeconds: null };
}

export function runningState(secondsLeft: number, targetSeconds: number): ItemState {
  return secondsLeft < 0 ? "breached" : secondsLeft < targetSeconds * 0.25 ? "due_soon" : "within";
}

/** Seconds of elapsed clock after which a running clock is due soon (left < 25 %): floor(0.75 × target) + 1. */
export const dueSoonSeconds = (targetSeconds: number) => Math.floor(targetSeconds * 0.75) + 1;

/** First instant at which elapsedSeconds(start, ·) reaches `seconds`; null when the schedule never gets there. */
export function elapsedReachedAt(schedule: TeamSchedule, start: Date, seconds: number): Date | null {
  if (!schedule.businessHours) return new Date(start.getTime() + seconds * 1000);
  try {
    return addBusinessSeconds(schedule, start, seconds);
  } catch {
    return null;
  }
}
