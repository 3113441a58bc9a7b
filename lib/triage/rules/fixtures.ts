// Generated items for the property tests of the stored outcomes (tests only): the shared parts of an
// item's facts, drawn from a seeded random function in a fixed order, and the two schedules.
import { DEFAULT_TEAM_SCHEDULE, type TeamSchedule } from "@/lib/team/schemas";
import { pick } from "@/lib/testing/random";
import type { ItemFacts } from "./evaluate";
import type { LabelEvent } from "./labels";

export const H = 3_600_000;
export const T0 = Date.UTC(2026, 2, 20); // spans the March DST change in Berlin

const BUSINESS_HOURS: TeamSchedule = {
  timeZone: "Europe/Berlin",
  workingDays: [1, 2, 3, 4, 5],
  workStart: "09:00",
  workEnd: "17:00",
  holidays: ["2026-04-03"],
  businessHours: true,
};

export const SCHEDULES = [
  ["calendar", DEFAULT_TEAM_SCHEDULE],
  ["business hours", BUSINESS_HOURS],
] as const;

type Instant = (maxHours: number) => Date;

/**
 * An item's creation within 20 days of T0, instants after it (`at`), and its priority: a priority
 * label (60 %), or none but a P2 label added and removed again (`labelled`, 30 % of the rest).
 */
export function randomStart(r: () => number) {
  const created = T0 + Math.floor(r() * 20 * 24 * H) + Math.floor(r() * 1000);
  const at: Instant = (maxHours) => new Date(created + Math.floor(r() * maxHours * H));
  const priority = r() < 0.6 ? pick(r, ["P0", "P1", "P2", "P3"] as const) : null;
  const labelled = priority !== null || r() < 0.3;
  return { createdAt: new Date(created), at, priority, labelled };
}

export function randomLabelEvents({ at, priority, labelled }: ReturnType<typeof randomStart>): LabelEvent[] {
  if (!labelled) return [];
  const label = priority ?? "P2";
  return [
    { kind: "labeled", label, at: at(100) },
    ...(priority ? [] : [{ kind: "unlabeled" as const, label, at: at(200) }]),
  ];
}

/** Up to two comments or reviews, by a user, the author, a bot or a deleted user. */
export function randomContributions(r: () => number, at: Instant): ItemFacts["contributions"] {
  return Array.from({ length: Math.floor(r() * 3) }, () => ({
    kind: r() < 0.5 ? ("comment" as const) : ("review" as const),
    login: pick(r, ["bob", "alice", "dependabot", null]),
    actorType: r() < 0.8 ? ("user" as const) : ("bot" as const),
    at: at(500),
  }));
}

/** Item number `n` of repository o/r, opened by alice: nothing but `facts` happened to it. */
export function itemFacts(n: number, facts: Pick<ItemFacts, "kind" | "createdAt"> & Partial<ItemFacts>): ItemFacts {
  return {
    id: `I${n}`,
    repoId: "r",
    repoKey: "o/r",
    number: n,
    title: "t",
    url: "u",
    open: true,
    closedAt: null,
    authorLogin: "alice",
    isDraft: false,
    readyForReviewAt: null,
    labels: [],
    assignees: [],
    labelEvents: [],
    contributions: [],
    activities: [],
    pendingReviewRequests: 0,
    ...facts,
  };
}
