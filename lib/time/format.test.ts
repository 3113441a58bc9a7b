import { describe, expect, it } from "vitest";
import {
  formatAbsolute,
  formatClock,
  formatDate,
  formatDuration,
  formatRelative,
  fromLocalInput,
  toLocalInput,
  zoneLabel,
  zoneOffsetMinutes,
} from "./format";

const at = "2026-11-30T18:03:07.400Z";

describe("absolute times", () => {
  it("are ISO-like and 24-hour in UTC by default", () => {
    expect(formatAbsolute(at)).toBe("2026-11-30 18:03 UTC");
    expect(formatAbsolute(at, { seconds: true })).toBe("2026-11-30 18:03:07 UTC");
    expect(formatAbsolute("2026-11-30T00:05:00Z", { zone: false })).toBe("2026-11-30 00:05");
  });

  it("follow the team's zone, with the offset in force at that instant", () => {
    expect(formatAbsolute(at, { timeZone: "Europe/Berlin", seconds: true })).toBe("2026-11-30 19:03:07 +01:00");
    expect(formatAbsolute("2026-07-01T12:00:00Z", { timeZone: "Europe/Berlin" })).toBe("2026-07-01 14:00 +02:00");
    expect(formatAbsolute(at, { timeZone: "America/New_York" })).toBe("2026-11-30 13:03 -05:00");
    expect(formatAbsolute(at, { timeZone: "Asia/Kolkata" })).toBe("2026-11-30 23:33 +05:30");
  });

  it("crosses the date line in the zone, not in UTC", () => {
    expect(formatDate("2026-11-30T23:30:00Z", "Europe/Berlin")).toBe("2026-12-01");
    expect(formatDate("2026-12-01T03:00:00Z", "America/Los_Angeles")).toBe("2026-11-30");
  });

  it("handles the DST jumps of Europe/Berlin (29 Mar and 25 Oct 2026)", () => {
    // 01:00 UTC on 29 Mar is 03:00 CEST: the clock skipped 02:00-03:00.
    expect(formatClock("2026-03-29T00:59:00Z", "Europe/Berlin")).toBe("01:59");
    expect(formatClock("2026-03-29T01:00:00Z", "Europe/Berlin")).toBe("03:00");
    expect(zoneLabel("2026-03-29T01:00:00Z", "Europe/Berlin")).toBe("+02:00");
    // 02:30 happens twice on 25 Oct: first in summer time, then in winter time.
    expect(formatClock("2026-10-25T00:30:00Z", "Europe/Berlin")).toBe("02:30");
    expect(formatClock("2026-10-25T01:30:00Z", "Europe/Berlin")).toBe("02:30");
    expect(zoneOffsetMinutes("2026-10-25T01:30:00Z", "Europe/Berlin")).toBe(60);
  });
});

describe("relative times", () => {
  const now = "2026-11-30T18:00:00Z";
  it("say how long ago or how soon, rounding down", () => {
    expect(formatRelative("2026-11-30T17:59:55Z", now)).toBe("just now");
    expect(formatRelative("2026-11-30T17:59:15Z", now)).toBe("45 s ago");
    expect(formatRelative("2026-11-30T17:57:00Z", now)).toBe("3 min ago");
    expect(formatRelative("2026-11-30T15:30:00Z", now)).toBe("2 h ago");
    expect(formatRelative("2026-11-25T17:00:00Z", now)).toBe("5 d ago");
    expect(formatRelative("2026-11-30T18:03:30Z", now)).toBe("in 3 min");
  });
  it("fall back to the date in the zone after 30 days", () => {
    expect(formatRelative("2026-10-01T23:30:00Z", now, "Europe/Berlin")).toBe("2026-10-02");
  });
});

describe("durations", () => {
  it("show one decimal below a minute, then minutes, hours and days", () => {
    expect(formatDuration(0.04)).toBe("0.0 s");
    expect(formatDuration(0.44)).toBe("0.4 s");
    expect(formatDuration(12.34)).toBe("12.3 s");
    expect(formatDuration(59.96)).toBe("1 min");
    expect(formatDuration(185)).toBe("3 min 5 s");
    expect(formatDuration(3600 * 2 + 300)).toBe("2 h 5 min");
    expect(formatDuration(86_400 * 3 + 3600 * 4 + 59)).toBe("3 d 4 h");
    expect(formatDuration(-5)).toBe("0.0 s");
  });
});

describe("datetime-local inputs in a zone", () => {
  it("round-trip an ordinary time", () => {
    expect(toLocalInput(at, "Europe/Berlin")).toBe("2026-11-30T19:03");
    expect(fromLocalInput("2026-11-30T19:03", "Europe/Berlin")?.toISOString()).toBe("2026-11-30T18:03:00.000Z");
    expect(fromLocalInput("2026-11-30T18:03", "UTC")?.toISOString()).toBe("2026-11-30T18:03:00.000Z");
  });
  it("move a time skipped by DST forward and take the earlier of a repeated one", () => {
    expect(fromLocalInput("2026-03-29T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(fromLocalInput("2026-10-25T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });
  it("refuse malformed text", () => {
    expect(fromLocalInput("30/11/2026 18:03", "UTC")).toBeNull();
    expect(fromLocalInput("2026-13-01T00:00", "UTC")).toBeNull();
  });
});
