import { describe, expect, it } from "vitest";
import { compareToPrevious, thresholdStatus } from "./tile";

describe("thresholdStatus", () => {
  const response = { direction: "higher-is-worse" as const, warning: 200, critical: 500 };
  const throughput = { direction: "lower-is-worse" as const, warning: 500, critical: 100 };
  it("uses strict comparisons in both directions", () => {
    expect(thresholdStatus(200, response)).toBe("ok");
    expect(thresholdStatus(201, response)).toBe("warning");
    expect(thresholdStatus(500, response)).toBe("warning");
    expect(thresholdStatus(501, response)).toBe("critical");
    expect(thresholdStatus(100, throughput)).toBe("warning");
    expect(thresholdStatus(99, throughput)).toBe("critical");
    expect(thresholdStatus(1200, throughput)).toBe("ok");
  });
  it("has no status without a value or a threshold", () => {
    expect(thresholdStatus(null, response)).toBe("none");
    expect(thresholdStatus(5, null)).toBe("none");
  });
});

describe("compareToPrevious", () => {
  it("judges the change by which direction is good", () => {
    expect(compareToPrevious(120, 100, "down")).toEqual({ change: 20, pct: 20, verdict: "worse", text: "+20 %" });
    expect(compareToPrevious(95, 100, "down")).toEqual({ change: -5, pct: -5, verdict: "better", text: "−5 %" });
    expect(compareToPrevious(1500, 1000, "up")).toMatchObject({ verdict: "better", text: "+50 %" });
    expect(compareToPrevious(7, 7, "up")).toMatchObject({ verdict: "same", text: "±0 %" });
    expect(compareToPrevious(12, 10, "neutral")).toMatchObject({ verdict: "same", text: "+20 %" });
  });
  it("shows an absolute change when the previous value was 0, and nothing when a value is missing", () => {
    expect(compareToPrevious(3, 0, "down")).toEqual({ change: 3, pct: null, verdict: "worse", text: "+3" });
    expect(compareToPrevious(3, null, "down")).toBeNull();
  });
});
