import { describe, expect, it } from "vitest";
import { compareWithPrevious, targetStatus } from "./judge";
import { KpiQuery, periodOf } from "./schemas";
import { kpiSpec } from "./definitions";
import { addQuarters, monthWindow, previousPeriod, quarterWindow, reviewMonth, trailingMonths } from "./window";

const HOUR = 3_600_000;

describe("windows", () => {
  it("shows the last complete month in the team's zone when none is asked for", () => {
    expect(reviewMonth(new Date("2026-12-01T04:00:00Z"), "UTC")).toBe("2026-11");
    // Still 30 November in Los Angeles: the last complete month there is October.
    expect(reviewMonth(new Date("2026-12-01T04:00:00Z"), "America/Los_Angeles")).toBe("2026-10");
    expect(reviewMonth(new Date("2027-01-15T12:00:00Z"), "Europe/Berlin")).toBe("2026-12");
    // Every caller (pages, KPI API, report) gets that default from periodOf.
    const now = new Date("2026-12-01T04:00:00Z");
    expect(periodOf(KpiQuery.parse({}), "America/Los_Angeles", now)).toEqual({ kind: "month", month: "2026-10" });
    expect(periodOf(KpiQuery.parse({ month: "2026-12" }), "UTC", now)).toEqual({ kind: "month", month: "2026-12" });
  });

  it("a month spanning a DST change in Berlin is 743 hours, bounded by local midnights", () => {
    const w = monthWindow("2026-03", "Europe/Berlin");
    expect(w.start.toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(w.end.toISOString()).toBe("2026-03-31T22:00:00.000Z");
    expect((w.end.getTime() - w.start.getTime()) / HOUR).toBe(743);
    expect(
      (monthWindow("2026-10", "America/New_York").end.getTime() -
        monthWindow("2026-10", "America/New_York").start.getTime()) /
        HOUR,
    ).toBe(744);
    expect(
      (monthWindow("2026-11", "America/New_York").end.getTime() -
        monthWindow("2026-11", "America/New_York").start.getTime()) /
        HOUR,
    ).toBe(721);
  });
  it("quarters, previous periods and trailing months", () => {
    expect(quarterWindow("2026-Q1", "UTC").end.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(addQuarters("2026-Q1", -1)).toBe("2025-Q4");
    expect(previousPeriod({ kind: "month", month: "2026-01" })).toEqual({ kind: "month", month: "2025-12" });
    const from = new Date("2026-03-10T00:00:00Z");
    const to = new Date("2026-03-17T00:00:00Z");
    expect(previousPeriod({ kind: "range", from, to })).toEqual({
      kind: "range",
      from: new Date("2026-03-03T00:00:00Z"),
      to: from,
    });
    expect(trailingMonths("2026-02", 3)).toEqual(["2025-12", "2026-01", "2026-02"]);
  });
});

describe("judging", () => {
  it("says whether a change is better, worse or the same", () => {
    expect(compareWithPrevious(5, 3, "down")).toEqual({ value: 3, delta: 2, good: "down", change: "worse" });
    expect(compareWithPrevious(5, 3, "up").change).toBe("better");
    expect(compareWithPrevious(3, 3, "up").change).toBe("same");
    expect(compareWithPrevious(3, 1, "neutral").change).toBeNull();
    expect(compareWithPrevious(null, 1, "up")).toEqual({ value: 1, delta: null, good: "up", change: null });
  });
  it("green, amber and red at the runbook's targets", () => {
    const response = kpiSpec("issues.first_response.mean").target!;
    expect(targetStatus(response, 3 * 86_400 - 1)).toBe("green");
    expect(targetStatus(response, 3 * 86_400)).toBe("amber");
    expect(targetStatus(response, 5 * 86_400)).toBe("red");
    const ci = kpiSpec("ci.pass_rate").target!;
    expect([targetStatus(ci, 0.95), targetStatus(ci, 0.9), targetStatus(ci, 0.5), targetStatus(ci, null)]).toEqual([
      "green",
      "amber",
      "red",
      null,
    ]);
  });
});
