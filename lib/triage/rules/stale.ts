// Stale detection by the last HUMAN activity (comments, reviews, label changes and other events by
// non-bots); bot comments never count. An "ask" is a comment containing the stale comment's first sentence.
import type { StaleAction } from "../schemas";
import type { ActorType } from "./first-response";

const DAY_MS = 86_400_000;

export type Activity = { at: Date; actorType: ActorType; isAsk?: boolean };

export type StaleConfig = { staleAskDays: number; staleCloseDays: number };

export type StaleResult = { lastHumanActivityAt: Date; askedAt: Date | null; stale: StaleAction | null };

/** The sentence that identifies an ask comment: everything up to the first "?" or ".". */
export function askMarker(staleComment: string): string {
  const match = staleComment.match(/^[^?.!]*[?.!]/);
  return (match ? match[0] : staleComment).trim();
}

export function isAskComment(body: string, staleComment: string): boolean {
  return body.toLowerCase().includes(askMarker(staleComment).toLowerCase());
}

/**
 * The now-free part of evaluateStale: the last human activity, the ask, and the instant from which
 * the item is stale and how (stored per item, lib/triage/outcomes.ts). `createdAt` counts as activity.
 */
export function staleClock(
  createdAt: Date,
  activities: readonly Activity[],
  config: StaleConfig,
): { lastHumanActivityAt: Date; askedAt: Date | null; staleAt: Date; action: StaleAction } {
  let lastHuman = createdAt;
  let askedAt: Date | null = null;
  for (const a of activities) {
    if (a.isAsk && (askedAt === null || a.at > askedAt)) askedAt = a.at;
  }
  let repliedAfterAsk = false;
  for (const a of activities) {
    if (a.actorType !== "user" || a.isAsk) continue;
    if (a.at > lastHuman) lastHuman = a.at;
    if (askedAt && a.at > askedAt) repliedAfterAsk = true;
  }
  if (askedAt && askedAt > lastHuman && !repliedAfterAsk) {
    // the ask itself is the newest thing that happened; a human ask is still human activity
    const humanAsk = activities.some((a) => a.isAsk && a.actorType === "user" && a.at.getTime() === askedAt.getTime());
    const last = humanAsk ? askedAt : lastHuman;
    return {
      lastHumanActivityAt: last,
      askedAt,
      staleAt: new Date(askedAt.getTime() + config.staleCloseDays * DAY_MS),
      action: "close",
    };
  }
  return {
    lastHumanActivityAt: lastHuman,
    askedAt,
    staleAt: new Date(lastHuman.getTime() + config.staleAskDays * DAY_MS),
    action: "ask",
  };
}

export function evaluateStale(
  createdAt: Date,
  activities: readonly Activity[],
  config: StaleConfig,
  now: Date,
): StaleResult {
  const c = staleClock(createdAt, activities, config);
  return {
    lastHumanActivityAt: c.lastHumanActivityAt,
    askedAt: c.askedAt,
    stale: now.getTime() >= c.staleAt.getTime() ? c.action : null,
  };
}
