// The stored outcome, read at any instant, must classify an item exactly as evaluateItem does at
// that instant: generated items (priorities, label events, responses, closes) under calendar and
// business-hour schedules, probed at random instants and right at the breach instant's edges.
import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/testing/random";
import { DEFAULT_TRIAGE_CONFIG as config } from "../schemas";
import { evaluateItem, type ItemFacts } from "./evaluate";
import { H, itemFacts, randomContributions, randomLabelEvents, randomStart, SCHEDULES } from "./fixtures";
import { evaluateOutcome, outcomeAt } from "./outcome";

/** Open or closed (30 %), no drafts, assignees or activities. */
function item(r: () => number, n: number): ItemFacts {
  const start = randomStart(r);
  const closed = r() < 0.3 ? start.at(400) : null;
  return itemFacts(n, {
    kind: r() < 0.4 ? "pull_request" : "issue",
    createdAt: start.createdAt,
    open: closed === null,
    closedAt: closed,
    labels: start.priority ? [start.priority] : [],
    labelEvents: randomLabelEvents(start),
    contributions: randomContributions(r, start.at),
  });
}

describe("evaluateOutcome", () => {
  for (const [name, schedule] of SCHEDULES) {
    it(`agrees with evaluateItem at any instant (${name})`, () => {
      const r = seededRandom(name.length);
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
