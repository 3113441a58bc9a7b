import { describe, expect, it } from "vitest";
import { isBusinessTime } from "@/lib/team/business-time";
import type { TeamSchedule } from "@/lib/team/schemas";
import { dueAt, elapsedSeconds, evaluateClock } from "./clock";

const calendar: TeamSchedule = {
  timeZone: "UTC",
  workingDays: [1, 2, 3, 4, 5],
  workStart: "09:00",
  workEnd: "17:00",
  holidays: [],
  businessHours: false,
};
// Berlin: CEST (UTC+2) until 2026-10-25 03:00, then CET (UTC+1)
const berlin: TeamSchedule = { ...calendar, timeZone: "Europe/Berlin", businessHours: true };
const z = (s: string) => new Date(s);
const H = 3600;

describe("calendar clock", () => {
  const start = z("2026-06-01T00:00:00Z");
  const run = (now: string, stop: string | null = null) =>
    evaluateClock(calendar, { start, stop: stop ? z(stop) : null, targetSeconds: 72 * H, now: z(now) });
  it("is within with 25 % or more left", () => {
    expect(run("2026-06-02T00:00:00Z")).toMatchObject({
      state: "within",
      secondsLeft: 48 * H,
      dueAt: z("2026-06-04T00:00:00Z"),
    });
    expect(run("2026-06-03T06:00:00Z")).toMatchObject({ state: "within", secondsLeft: 18 * H }); // exactly 25 %
  });
  it("is due soon with less than 25 % left", () => {
    expect(run("2026-06-03T07:00:00Z")).toMatchObject({ state: "due_soon", secondsLeft: 17 * H });
  });
  it("is breached past the target", () => {
    expect(run("2026-06-04T01:00:00Z")).toMatchObject({ state: "breached", secondsLeft: -H });
  });
  it("is responded on time (the target itself included) or late", () => {
    expect(run("2026-06-09T00:00:00Z", "2026-06-04T00:00:00Z")).toMatchObject({
      state: "responded",
      responseSeconds: 72 * H,
      secondsLeft: null,
    });
    expect(run("2026-06-09T00:00:00Z", "2026-06-04T00:00:01Z")).toMatchObject({
      state: "responded_late",
      responseSeconds: 72 * H + 1,
    });
  });
});

describe("business-hours clock (Europe/Berlin, 09:00–17:00, Mon–Fri)", () => {
  it("skips the weekend", () => {
    // Fri 16:30 CEST → Mon 09:30 CEST: 30 min + 30 min
    expect(elapsedSeconds(berlin, z("2026-06-05T14:30:00Z"), z("2026-06-08T07:30:00Z"))).toBe(H);
    expect(isBusinessTime(berlin, z("2026-06-06T10:00:00Z"))).toBe(false); // Saturday noon
    expect(isBusinessTime(berlin, z("2026-06-08T07:30:00Z"))).toBe(true); // Monday 09:30
    expect(isBusinessTime(berlin, z("2026-06-08T06:30:00Z"))).toBe(false); // Monday 08:30
  });
  it("skips a holiday", () => {
    const holiday = { ...berlin, holidays: ["2026-06-08"] };
    expect(elapsedSeconds(holiday, z("2026-06-05T14:30:00Z"), z("2026-06-08T07:30:00Z"))).toBe(H / 2);
    // Fri 16:30 + 8 business hours: 0.5 h Fri, Mon off, 7.5 h Tue → Tue 16:30 CEST
    expect(dueAt(holiday, z("2026-06-05T14:30:00Z"), 8 * H)).toEqual(z("2026-06-09T14:30:00Z"));
  });
  it("follows the DST change (CEST → CET on Sunday 2026-10-25)", () => {
    // Fri 16:00 CEST (14:00Z) → Mon 10:00 CET (09:00Z): 1 h + 1 h; Monday's 09:00 is 08:00Z now
    expect(elapsedSeconds(berlin, z("2026-10-23T14:00:00Z"), z("2026-10-26T09:00:00Z"))).toBe(2 * H);
    // P0 24 business hours from Fri 16:00: 1 + 8 (Mon) + 8 (Tue) + 7 (Wed) → Wed 16:00 CET = 15:00Z
    expect(dueAt(berlin, z("2026-10-23T14:00:00Z"), 24 * H)).toEqual(z("2026-10-28T15:00:00Z"));
    const r = evaluateClock(berlin, {
      start: z("2026-10-23T14:00:00Z"),
      stop: null,
      targetSeconds: 24 * H,
      now: z("2026-10-28T13:00:00Z"),
    });
    expect(r).toMatchObject({ state: "due_soon", secondsLeft: 2 * H }); // Wed 14:00 CET: 22 h used
  });
  it("counts nothing outside business hours, while the calendar clock does", () => {
    expect(elapsedSeconds(berlin, z("2026-06-06T08:00:00Z"), z("2026-06-07T20:00:00Z"))).toBe(0);
    expect(elapsedSeconds(calendar, z("2026-06-06T08:00:00Z"), z("2026-06-07T20:00:00Z"))).toBe(36 * H);
  });
});
