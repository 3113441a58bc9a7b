// The stored outcome, read at any instant, must classify an item exactly as evaluateItem does at
// that instant: generated items (priorities, label events, responses, closes) under calendar and
// business-hour schedules, probed at random instants and right at the breach instant's edges.
import { describe, expect, it } from "vitest";
import { DEFAULT_TEAM_SCHEDULE, type TeamSchedule } from "@/lib/team/schemas";
import { DEFAULT_TRIAGE_CONFIG as config } from "../schemas";
import { evaluateItem, type ItemFacts } from "./evaluate";
import { evaluateOutcome, outcomeAt } from "./outcome";

const H = 3_600_000;
const T0 = Date.UTC(2026, 2, 20); // spans the March DST change in Berlin

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function item(r: () => number, n: number): ItemFacts {
  const created = T0 + Math.floor(r() * 20 * 24 * H) + Math.floor(r() * 1000);
  const at = (maxHours: number) => new Date(created + Math.floor(r() * maxHours * H));
  const priority = r() < 0.6 ? (["P0", "P1", "P2", "P3"] as const)[Math.floor(r() * 4)] : null;
  const labelled = priority !== null || r() < 0.3;
  const label = priority ?? "P2";
  const closed = r() < 0.3 ? at(400) : null;
  return {
    id: `I${n}`,
    repoId: "r",
    repoKey: "o/r",
    number: n,
    kind: r() < 0.4 ? "pull_request" : "issue",
    title: "t",
    url: "u",
    open: closed === null,
    createdAt: new Date(created),
    closedAt: closed,
    authorLogin: "alice",
    isDraft: false,
    readyForReviewAt: null,
    labels: priority ? [priority] : [],
    assignees: [],
    labelEvents: labelled
      ? [
          { kind: "labeled", label, at: at(100) },
          ...(priority ? [] : [{ kind: "unlabeled" as const, label, at: at(200) }]),
        ]
      : [],
    contributions: Array.from({ length: Math.floor(r() * 3) }, () => ({
      kind: r() < 0.5 ? ("comment" as const) : ("review" as const),
      login: ["bob", "alice", "dependabot", null][Math.floor(r() * 4)] ?? null,
      actorType: r() < 0.8 ? ("user" as const) : ("bot" as const),
      at: at(500),
    })),
    activities: [],
    pendingReviewRequests: 0,
  };
}

const business: TeamSchedule = {
  timeZone: "Europe/Berlin",
  workingDays: [1, 2, 3, 4, 5],
  workStart: "09:00",
  workEnd: "17:00",
  holidays: ["2026-04-03"],
  businessHours: true,
};

describe("evaluateOutcome", () => {
  for (const [name, schedule] of [
    ["calendar", DEFAULT_TEAM_SCHEDULE],
    ["business hours", business],
  ] as const) {
    it(`agrees with evaluateItem at any instant (${name})`, () => {
      const r = random(name.length);
      let breached = 0;
      for (let n = 0; n < 400; n++) {
        const f = item(r, n);
        const outcome = evaluateOutcome(f, config, schedule);
        const probes = Array.from({ length: 6 }, () => new Date(f.createdAt.getTime() + Math.floor(r() * 60 * 24 * H)));
        if (outcome.breachAt)
          probes.push(
            new Date(outcome.breachAt.getTime() - 1),
            outcome.breachAt,
            new Date(outcome.breachAt.getTime() + 1),
          );
        for (const now of probes) {
          const { state, priority } = evaluateItem(f, config, schedule, now);
          const read = outcomeAt(outcome, now);
          expect(outcome.priority).toBe(priority);
          expect(read.decided).toBe(state !== "within" && state !== "due_soon");
          expect(read.responded).toBe(state === "responded");
          if (state === "breached") breached++;
        }
      }
      expect(breached).toBeGreaterThan(50);
    });
  }
});
