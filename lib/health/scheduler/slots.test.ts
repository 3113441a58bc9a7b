import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { nextSlotAfter, phaseFor } from "./slots";

describe("nextSlotAfter", () => {
  it.each([
    // interval 60 s, phase 15 s: slots at …:15 of every minute.
    [0, 60_000, 15_000, 15_000],
    [15_000, 60_000, 15_000, 75_000], // exactly on a slot → the next one, never the same one again
    [74_999, 60_000, 15_000, 75_000],
    [10 * 60_000 + 16_000, 60_000, 15_000, 11 * 60_000 + 15_000], // missed slots are skipped
    // A realistic epoch: 2026-11-21T12:00:07Z with a 10 s interval and phase 3 s → 12:00:13Z.
    [Date.parse("2026-11-21T12:00:07Z"), 10_000, 3_000, Date.parse("2026-11-21T12:00:13Z")],
  ])("after %i with interval %i and phase %i → %i", (after, interval, phase, expected) => {
    expect(nextSlotAfter(after, interval, phase)).toBe(expected);
  });
});

describe("phaseFor", () => {
  it("is deterministic per target and inside the interval", () => {
    const id = randomUUID();
    expect(phaseFor(id, 60_000)).toBe(phaseFor(id, 60_000));
    expect(phaseFor(id, 60_000)).toBeGreaterThanOrEqual(0);
    expect(phaseFor(id, 60_000)).toBeLessThan(60_000);
  });

  it("spreads 6,000 targets over a minute: every 10 s sixth gets 1,000 ± 150", () => {
    // Uniform phases put 1,000 targets in each sixth; σ = √(6000·⅙·⅚) ≈ 29, so ±150 is > 5σ.
    const sixths = new Array<number>(6).fill(0);
    for (let i = 0; i < 6000; i++) sixths[Math.floor(phaseFor(randomUUID(), 60_000) / 10_000)]! += 1;
    for (const n of sixths) expect(Math.abs(n - 1000)).toBeLessThanOrEqual(150);
  });
});
