import { describe, expect, it } from "vitest";
import { DEFAULT_TEAM_SCHEDULE, type TeamSchedule } from "@/lib/team/schemas";
import { occurrencesBetween } from "./periods";

const utc = DEFAULT_TEAM_SCHEDULE;
const berlin: TeamSchedule = { ...DEFAULT_TEAM_SCHEDULE, timeZone: "Europe/Berlin" };
const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

function list(
  rrule: string,
  schedule: TeamSchedule,
  anchor: string,
  from: string,
  to: string,
  businessHoursOnly = false,
  dueTime = "17:00",
) {
  return occurrencesBetween({ rrule, businessHoursOnly, dueTime }, schedule, at(anchor), at(from), at(to)).map((o) => [
    o.periodKey,
    iso(o.dueAt),
  ]);
}

describe("occurrencesBetween", () => {
  it("monthly periods across month ends, anchored on the 31st, are due on each month's last day", () => {
    expect(list("FREQ=MONTHLY", utc, "2026-01-31T10:00:00Z", "2026-01-31T10:00:00Z", "2026-04-01T00:00:00Z")).toEqual([
      ["2026-01-01", "2026-01-31T17:00:00.000Z"],
      ["2026-02-01", "2026-02-28T17:00:00.000Z"],
      ["2026-03-01", "2026-03-31T17:00:00.000Z"],
      ["2026-04-01", "2026-04-30T17:00:00.000Z"],
    ]);
  });

  it("a leap year's February ends on the 29th; a daily rule includes the leap day", () => {
    expect(list("FREQ=MONTHLY", utc, "2028-02-10T00:00:00Z", "2028-02-10T00:00:00Z", "2028-02-20T00:00:00Z")).toEqual([
      ["2028-02-01", "2028-02-29T17:00:00.000Z"],
    ]);
    expect(
      list("FREQ=DAILY", utc, "2028-02-28T00:00:00Z", "2028-02-28T00:00:00Z", "2028-03-01T12:00:00Z").map((o) => o[0]),
    ).toEqual(["2028-02-28", "2028-02-29", "2028-03-01"]);
  });

  it("quarterly keeps three-month steps from the activation month", () => {
    expect(
      list("FREQ=MONTHLY;INTERVAL=3", utc, "2026-11-30T12:00:00Z", "2026-11-30T12:00:00Z", "2027-06-01T00:00:00Z"),
    ).toEqual([
      ["2026-11-01", "2027-01-31T17:00:00.000Z"],
      ["2027-02-01", "2027-04-30T17:00:00.000Z"],
      ["2027-05-01", "2027-07-31T17:00:00.000Z"],
    ]);
  });

  it("daily due at 17:00 Berlin time stays 17:00 local across the spring DST change", () => {
    expect(list("FREQ=DAILY", berlin, "2026-03-27T06:00:00Z", "2026-03-27T06:00:00Z", "2026-03-30T06:00:00Z")).toEqual([
      ["2026-03-27", "2026-03-27T16:00:00.000Z"],
      ["2026-03-28", "2026-03-28T16:00:00.000Z"],
      ["2026-03-29", "2026-03-29T15:00:00.000Z"],
      ["2026-03-30", "2026-03-30T15:00:00.000Z"],
    ]);
  });

  it("every 4 hours during business hours in Berlin: 09:00 and 13:00 local, weekdays only, across DST", () => {
    expect(
      list(
        "FREQ=HOURLY;INTERVAL=4",
        berlin,
        "2026-03-27T00:00:00Z",
        "2026-03-27T00:00:00Z",
        "2026-03-30T23:00:00Z",
        true,
      ),
    ).toEqual([
      ["2026-03-27T09:00", "2026-03-27T12:00:00.000Z"],
      ["2026-03-27T13:00", "2026-03-27T16:00:00.000Z"],
      // Saturday 28th and Sunday 29th (the DST change) are skipped
      ["2026-03-30T09:00", "2026-03-30T11:00:00.000Z"],
      ["2026-03-30T13:00", "2026-03-30T15:00:00.000Z"],
    ]);
  });

  it("a business-hours-only daily cadence skips the weekend and a holiday", () => {
    const withHoliday: TeamSchedule = { ...berlin, holidays: ["2026-12-24"] };
    expect(
      list("FREQ=DAILY", withHoliday, "2026-12-18T00:00:00Z", "2026-12-18T00:00:00Z", "2026-12-24T20:00:00Z", true).map(
        (o) => o[0],
      ),
    ).toEqual(["2026-12-18", "2026-12-21", "2026-12-22", "2026-12-23"]);
  });

  it("first Monday of the month and every other Friday", () => {
    expect(
      list("FREQ=MONTHLY;BYDAY=1MO", utc, "2026-11-30T00:00:00Z", "2026-11-30T00:00:00Z", "2027-02-28T00:00:00Z").map(
        (o) => o[0],
      ),
    ).toEqual(["2026-12-07", "2027-01-04", "2027-02-01"]);
    expect(
      list(
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
        utc,
        "2026-11-30T00:00:00Z",
        "2026-11-30T00:00:00Z",
        "2026-12-31T00:00:00Z",
      ).map((o) => o[0]),
    ).toEqual(["2026-12-04", "2026-12-18"]);
  });

  it("activated after today's due time: today's run is due by the end of the day, not overdue at once", () => {
    expect(list("FREQ=DAILY", berlin, "2026-12-01T18:30:00Z", "2026-12-01T18:30:00Z", "2026-12-02T12:00:00Z")).toEqual([
      ["2026-12-01", "2026-12-01T23:00:00.000Z"],
      ["2026-12-02", "2026-12-02T16:00:00.000Z"],
    ]);
  });

  it("weekly without a day is the ISO week, due on its Sunday", () => {
    expect(list("FREQ=WEEKLY", utc, "2026-12-02T00:00:00Z", "2026-12-02T00:00:00Z", "2026-12-08T00:00:00Z")).toEqual([
      ["2026-11-30", "2026-12-06T17:00:00.000Z"],
      ["2026-12-07", "2026-12-13T17:00:00.000Z"],
    ]);
  });
});
