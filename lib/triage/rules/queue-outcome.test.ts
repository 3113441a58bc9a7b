// A stored queue row, read at any instant, must be evaluateItem's row at that instant: generated open
// items (priorities, label events, responses, reviews, stale asks) under calendar and business-hour
// schedules, probed at random instants and right at the edges of due soon, breach and stale. Also the
// property the SQL order relies on: a running clock due earlier never has more seconds left.
import { describe, expect, it } from "vitest";
import { DEFAULT_TEAM_SCHEDULE, type TeamSchedule } from "@/lib/team/schemas";
import { DEFAULT_TRIAGE_CONFIG as config } from "../schemas";
import { evaluateItem, type ItemFacts } from "./evaluate";
import { evaluateQueueOutcome, queueRowAt } from "./queue-outcome";

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

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function item(r: () => number, n: number): ItemFacts {
  const created = T0 + Math.floor(r() * 20 * 24 * H) + Math.floor(r() * 1000);
  const at = (maxHours: number) => new Date(created + Math.floor(r() * maxHours * H));
  const priority = r() < 0.6 ? pick(r, ["P0", "P1", "P2", "P3"] as const) : null;
  const labelled = priority !== null || r() < 0.3;
  const label = priority ?? "P2";
  const kind = r() < 0.4 ? "pull_request" : "issue";
  return {
    id: `I${n}`,
    repoId: "r",
    repoKey: "o/r",
    number: n,
    kind,
    title: "t",
    url: "u",
    open: true,
    createdAt: new Date(created),
    closedAt: null,
    authorLogin: "alice",
    isDraft: kind === "pull_request" && r() < 0.2,
    readyForReviewAt: r() < 0.3 ? at(20) : null,
    labels: [...(priority ? [priority] : []), ...(r() < 0.3 ? ["bug", "status-waiting"] : [])],
    assignees: r() < 0.3 ? ["maya"] : [],
    labelEvents: labelled
      ? [
          { kind: "labeled", label, at: at(100) },
          ...(priority ? [] : [{ kind: "unlabeled" as const, label, at: at(200) }]),
        ]
      : [],
    contributions: Array.from({ length: Math.floor(r() * 3) }, () => ({
      kind: r() < 0.5 ? ("comment" as const) : ("review" as const),
      login: pick(r, ["bob", "alice", "dependabot", null]),
      actorType: r() < 0.8 ? ("user" as const) : ("bot" as const),
      at: at(500),
    })),
    activities: Array.from({ length: Math.floor(r() * 4) }, () => ({
      at: at(2000),
      actorType: r() < 0.7 ? ("user" as const) : ("bot" as const),
      isAsk: r() < 0.3,
    })),
    pendingReviewRequests: r() < 0.3 ? 1 : 0,
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

const edges = (d: Date | null) => (d ? [new Date(d.getTime() - 1), d, new Date(d.getTime() + 1)] : []);

describe("queueRowAt over evaluateQueueOutcome", () => {
  for (const [name, schedule] of [
    ["calendar", DEFAULT_TEAM_SCHEDULE],
    ["business hours", business],
  ] as const) {
    it(`is evaluateItem's row at any instant (${name})`, () => {
      const r = random(name.length + 7);
      const seen = new Set<string>();
      for (let n = 0; n < 300; n++) {
        const f = item(r, n);
        const stored = evaluateQueueOutcome(f, config, schedule);
        const probes = [
          ...Array.from({ length: 5 }, () => new Date(f.createdAt.getTime() + Math.floor(r() * 90 * 24 * H))),
          ...edges(stored.breachAt),
          ...edges(stored.dueSoonAt),
          ...edges(stored.staleAt),
        ];
        for (const now of probes) {
          const expected = evaluateItem(f, config, schedule, now);
          const read = queueRowAt({ ...f, ...stored, priority: stored.priority }, config, schedule, now);
          expect(read).toEqual(expected);
          // the instants the SQL filters compare with (stored-queue.ts stateSql / tabSql)
          const reached = (d: Date | null) => d !== null && d.getTime() <= now.getTime();
          const sqlState = stored.stoppedAt
            ? stored.withinTarget
              ? "responded"
              : "responded_late"
            : reached(stored.breachAt)
              ? "breached"
              : reached(stored.dueSoonAt)
                ? "due_soon"
                : "within";
          expect(sqlState).toBe(expected.state);
          expect(reached(stored.staleAt) ? stored.staleAction : null).toBe(expected.stale);
          seen.add(expected.state);
          if (expected.stale) seen.add(`stale:${expected.stale}`);
        }
      }
      expect([...seen].sort()).toEqual(
        ["breached", "due_soon", "responded", "responded_late", "stale:ask", "stale:close", "within"].sort(),
      );
    });

    it(`orders running clocks by due instant without contradicting seconds left (${name})`, () => {
      const r = random(name.length + 11);
      const facts = Array.from({ length: 200 }, (_, n) => item(r, n));
      const now = new Date(T0 + 10 * 24 * H + 1234);
      const running = facts
        .map((f) => ({ f, stored: evaluateQueueOutcome(f, config, schedule) }))
        .filter((x) => x.stored.stoppedAt === null && x.f.createdAt <= now)
        .map((x) => ({ due: x.stored.dueAt.getTime(), left: evaluateItem(x.f, config, schedule, now).secondsLeft! }))
        .sort((a, b) => a.due - b.due);
      expect(running.length).toBeGreaterThan(20);
      for (let i = 1; i < running.length; i++) expect(running[i]!.left).toBeGreaterThanOrEqual(running[i - 1]!.left);
    });
  }
});
