import { describe, expect, it } from "vitest";
import { DEFAULT_UPDATE_TARGETS, formatTarget, parseUpdateTargets, slaFor, targetSeconds } from "./targets";

const NOW = new Date("2026-03-10T12:00:00.000Z");
const ago = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe("update targets", () => {
  it("defaults follow the runbook: security 24 h, patch 1 week, minor 2 weeks, major none", () => {
    expect(targetSeconds(DEFAULT_UPDATE_TARGETS, "security", "LOW")).toBe(86_400);
    expect(targetSeconds(DEFAULT_UPDATE_TARGETS, "security", "CRITICAL")).toBe(86_400);
    expect(targetSeconds(DEFAULT_UPDATE_TARGETS, "patch")).toBe(604_800);
    expect(targetSeconds(DEFAULT_UPDATE_TARGETS, "minor")).toBe(1_209_600);
    expect(targetSeconds(DEFAULT_UPDATE_TARGETS, "major")).toBeNull();
    expect(targetSeconds(DEFAULT_UPDATE_TARGETS, "unknown")).toBeNull();
  });
  it("parses a per-severity configuration over the defaults", () => {
    const t = parseUpdateTargets("critical=12h, low=1w, minor=3d");
    expect(t.security).toEqual({ critical: 43_200, high: 86_400, moderate: 86_400, low: 604_800 });
    expect(t.minor).toBe(259_200);
    expect(t.patch).toBe(604_800);
    expect(parseUpdateTargets("security=2d").security.high).toBe(172_800);
  });
  it("refuses nonsense", () => {
    expect(() => parseUpdateTargets("patch=soon")).toThrow(/patch=soon/);
    expect(() => parseUpdateTargets("major=1w")).toThrow(/major/);
  });
  it("an unknown severity takes the strictest security target", () => {
    expect(targetSeconds(parseUpdateTargets("critical=6h"), "security", null)).toBe(21_600);
  });
  it("formats targets plainly", () => {
    expect([
      formatTarget(86_400),
      formatTarget(604_800),
      formatTarget(1_209_600),
      formatTarget(259_200),
      formatTarget(null),
    ]).toEqual(["24 h", "1 week", "2 weeks", "3 days", "no target"]);
  });
});

describe("slaFor (hand-computed)", () => {
  const WEEK = 604_800;
  it.each([
    // opened hours ago, target, expected state: 75 % of a week = 126 h.
    [0, WEEK, "within"],
    [125, WEEK, "within"],
    [126, WEEK, "due_soon"],
    [167, WEEK, "due_soon"],
    [168, WEEK, "breached"],
    [400, WEEK, "breached"],
    [17, 86_400, "within"],
    [18, 86_400, "due_soon"],
    [24, 86_400, "breached"],
    [9000, null, "within"],
  ] as const)("%i h old against %s s → %s", (hours, target, state) => {
    expect(slaFor(ago(hours), target, NOW).sla).toBe(state);
  });
  it("reports age, target and the deadline", () => {
    expect(slaFor(ago(200), WEEK, NOW)).toEqual({
      ageSeconds: 720_000,
      targetSeconds: WEEK,
      dueAt: new Date("2026-03-09T04:00:00.000Z"),
      sla: "breached",
    });
  });
  it("an unclassified update or a missing start is unknown, never within", () => {
    expect(slaFor(ago(5), WEEK, NOW, false).sla).toBe("unknown");
    expect(slaFor(null, WEEK, NOW).sla).toBe("unknown");
  });
});
