import { describe, expect, it } from "vitest";
import { DEFAULT_TRIAGE_CONFIG as config } from "../schemas";
import { type Activity, askMarker, evaluateStale, isAskComment } from "./stale";

const d = (s: string) => new Date(`${s}T12:00:00Z`);
const created = d("2026-01-01");
const human: Activity = { at: d("2026-03-01"), actorType: "user" };
const botComment: Activity = { at: d("2026-03-20"), actorType: "bot" };

describe("stale", () => {
  it("asks after 30 days without human activity; bot comments do not count", () => {
    expect(evaluateStale(created, [human, botComment], config, d("2026-03-31"))).toEqual({
      lastHumanActivityAt: d("2026-03-01"),
      askedAt: null,
      stale: "ask",
    });
    expect(evaluateStale(created, [human, botComment], config, d("2026-03-30"))).toMatchObject({ stale: null });
  });
  it("counts human label changes but not a bot's", () => {
    const labels: Activity[] = [
      { at: d("2026-03-10"), actorType: "user" },
      { at: d("2026-03-25"), actorType: "bot" },
    ];
    expect(evaluateStale(created, [human, ...labels], config, d("2026-04-09"))).toMatchObject({
      lastHumanActivityAt: d("2026-03-10"),
      stale: "ask",
    });
  });
  it("closes 14 days after an ask with no human reply", () => {
    const ask: Activity = { at: d("2026-04-05"), actorType: "bot", isAsk: true };
    expect(evaluateStale(created, [human, ask], config, d("2026-04-18"))).toMatchObject({
      askedAt: d("2026-04-05"),
      stale: null,
    });
    expect(evaluateStale(created, [human, ask], config, d("2026-04-19"))).toMatchObject({
      stale: "close",
      lastHumanActivityAt: d("2026-03-01"),
    });
    const botAfter: Activity = { at: d("2026-04-10"), actorType: "bot" };
    expect(evaluateStale(created, [human, ask, botAfter], config, d("2026-04-19"))).toMatchObject({ stale: "close" });
  });
  it("starts over when a human replies after the ask", () => {
    const ask: Activity = { at: d("2026-04-05"), actorType: "user", isAsk: true };
    const reply: Activity = { at: d("2026-04-10"), actorType: "user" };
    expect(evaluateStale(created, [human, ask, reply], config, d("2026-04-19"))).toEqual({
      lastHumanActivityAt: d("2026-04-10"),
      askedAt: d("2026-04-05"),
      stale: null,
    });
    expect(evaluateStale(created, [human, ask, reply], config, d("2026-05-10"))).toMatchObject({ stale: "ask" });
  });
  it("recognises the ask comment by its first sentence", () => {
    expect(askMarker(config.staleComment)).toBe("Is this still an issue?");
    expect(isAskComment("Hi! is this still an issue? Thanks", config.staleComment)).toBe(true);
    expect(isAskComment("This is still an issue for me", config.staleComment)).toBe(false);
  });
});
