// A stored queue row, read at any instant, must be evaluateItem's row at that instant: generated open
// items (priorities, label events, responses, reviews, stale asks) under calendar and business-hour
// schedules, probed at random instants and right at the edges of due soon, breach and stale. Also the
// property the SQL order relies on: a running clock due earlier never has more seconds left.
import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/testing/random";
import { DEFAULT_TRIAGE_CONFIG as config } from "../schemas";
import { evaluateItem, type ItemFacts } from "./evaluate";
import { H, itemFacts, randomContributions, randomLabelEvents, randomStart, SCHEDULES, T0 } from "./fixtures";
import { evaluateQueueOutcome, queueRowAt } from "./queue-outcome";

/** Open, with drafts, ready-for-review instants, status labels, assignees, activities and review requests. */
function item(r: () => number, n: number): ItemFacts {
  const start = randomStart(r);
  const kind = r() < 0.4 ? "pull_request" : "issue";
  return itemFacts(n, {
    kind,
    createdAt: start.createdAt,
    isDraft: kind === "pull_request" && r() < 0.2,
    readyForReviewAt: r() < 0.3 ? start.at(20) : null,
    labels: [...(start.priority ? [start.priority] : []), ...(r() < 0.3 ? ["bug", "status-waiting"] : [])],
    assignees: r() < 0.3 ? ["maya"] : [],
    labelEvents: randomLabelEvents(start),
    contributions: randomContributions(r, start.at),
    activities: Array.from({ length: Math.floor(r() * 4) }, () => ({
      at: start.at(2000),
      actorType: r() < 0.7 ? ("user" as const) : ("bot" as const),
      isAsk: r() < 0.3,
    })),
    pendingReviewRequests: r() < 0.3 ? 1 : 0,
  });
}

const edges = (d: Date | null) => (d ? [new Date(d.getTime() - 1), d, new Date(d.getTime() + 1)] : []);

describe("queueRowAt over evaluateQueueOutcome", () => {
  for (const [name, schedule] of SCHEDULES) {
    it(`is evaluateItem's row at any instant (${name})`, () => {
      const r = seededRandom(name.length + 7);
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
      const r = seededRandom(name.length + 11);
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
