import { describe, expect, it } from "vitest";
import { addBusinessSeconds, businessSecondsBetween, isBusinessTime, localDate } from "@/lib/team/business-time";
import { DEFAULT_TEAM_SCHEDULE, TeamScheduleInput, type TeamSchedule } from "@/lib/team/schemas";

const utc: TeamSchedule = { ...DEFAULT_TEAM_SCHEDULE };
const at = (iso: string) => new Date(iso);

describe("business time (hand-computed)", () => {
  it("counts only working hours across a weekend", () => {
    // Fri 2026-11-27 16:00 → Mon 2026-11-30 10:00 UTC: 1 h on Friday + 1 h on Monday.
    expect(businessSecondsBetween(utc, at("2026-11-27T16:00:00Z"), at("2026-11-30T10:00:00Z"))).toBe(7200);
    expect(businessSecondsBetween(utc, at("2026-11-28T08:00:00Z"), at("2026-11-29T20:00:00Z"))).toBe(0);
    expect(businessSecondsBetween(utc, at("2026-11-30T07:00:00Z"), at("2026-11-30T12:00:00Z"))).toBe(3 * 3600);
    expect(businessSecondsBetween(utc, at("2026-11-30T12:00:00Z"), at("2026-11-30T07:00:00Z"))).toBe(0);
    expect(addBusinessSeconds(utc, at("2026-11-27T16:00:00Z"), 7200).toISOString()).toBe("2026-11-30T10:00:00.000Z");
    // Starting outside working time: the clock starts at the next opening.
    expect(addBusinessSeconds(utc, at("2026-11-28T12:00:00Z"), 1800).toISOString()).toBe("2026-11-30T09:30:00.000Z");
  });

  it("skips holidays", () => {
    const holiday: TeamSchedule = { ...utc, holidays: ["2026-11-30"] };
    expect(businessSecondsBetween(holiday, at("2026-11-27T16:00:00Z"), at("2026-11-30T10:00:00Z"))).toBe(3600);
    expect(businessSecondsBetween(holiday, at("2026-11-27T16:00:00Z"), at("2026-12-01T10:00:00Z"))).toBe(7200);
    expect(addBusinessSeconds(holiday, at("2026-11-27T16:00:00Z"), 7200).toISOString()).toBe(
      "2026-12-01T10:00:00.000Z",
    );
    expect(isBusinessTime(holiday, at("2026-11-30T10:00:00Z"))).toBe(false);
  });

  it("is right across the spring DST change in New York", () => {
    const ny: TeamSchedule = { ...utc, timeZone: "America/New_York" };
    // Fri 2026-03-06 16:00 EST (21:00Z) → Mon 2026-03-09 10:00 EDT (14:00Z): 1 h + 1 h.
    // A fixed UTC−5 offset would put Monday's 09:00 at 14:00Z and count only 1 h.
    expect(businessSecondsBetween(ny, at("2026-03-06T21:00:00Z"), at("2026-03-09T14:00:00Z"))).toBe(7200);
    expect(addBusinessSeconds(ny, at("2026-03-06T21:00:00Z"), 7200).toISOString()).toBe("2026-03-09T14:00:00.000Z");
    expect(isBusinessTime(ny, at("2026-03-09T13:30:00Z"))).toBe(true); // 09:30 EDT
    expect(isBusinessTime(ny, at("2026-03-09T12:30:00Z"))).toBe(false); // 08:30 EDT
  });

  it("counts the 25-hour autumn day in Berlin", () => {
    const berlin: TeamSchedule = {
      ...utc,
      timeZone: "Europe/Berlin",
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      workStart: "00:00",
      workEnd: "23:59",
    };
    // Sun 2026-10-25: 00:00 CEST (Sat 22:00Z) … 23:59 CET (22:59Z) = 24 h 59 min of wall time.
    expect(businessSecondsBetween(berlin, at("2026-10-24T22:00:00Z"), at("2026-10-25T23:00:00Z"))).toBe(
      24 * 3600 + 59 * 60,
    );
  });

  it("names the local date in the team's zone", () => {
    expect(localDate("Asia/Tokyo", at("2026-11-30T20:00:00Z"))).toBe("2026-12-01");
    expect(localDate("America/Los_Angeles", at("2026-12-01T03:00:00Z"))).toBe("2026-11-30");
  });
});

describe("team schedule input", () => {
  it("accepts a valid schedule, normalising days and holidays", () => {
    const parsed = TeamScheduleInput.parse({
      timeZone: "Europe/Berlin",
      workingDays: [5, 1, 1],
      workStart: "08:30",
      workEnd: "16:30",
      holidays: ["2026-12-25", "2026-12-24"],
      businessHours: true,
    });
    expect(parsed.workingDays).toEqual([1, 5]);
    expect(parsed.holidays).toEqual(["2026-12-24", "2026-12-25"]);
  });

  it.each([
    [{ timeZone: "Mars/Olympus" }, "timeZone"],
    [{ workingDays: [] }, "workingDays"],
    [{ workStart: "9am" }, "workStart"],
    [{ workStart: "17:00", workEnd: "09:00" }, "workEnd"],
    [{ holidays: ["2026-02-30"] }, "holidays.0"],
  ])("refuses %j with an error on %s", (patch, field) => {
    const result = TeamScheduleInput.safeParse({ ...DEFAULT_TEAM_SCHEDULE, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain(field);
  });
});
