import { describe, expect, it } from "vitest";
import { bucketFrames, bucketKey } from "./history-buckets";

// Europe/Berlin leaves summer time on Sunday 2026-10-25 at 03:00 CEST (01:00 UTC): the week of Monday 19 October
// is 169 hours long. America/New_York leaves it on Sunday 2026-11-01 at 02:00 EDT (06:00 UTC).
describe("history buckets in the team's time zone", () => {
  it("cuts weeks at local Monday 00:00 on both sides of a DST change", () => {
    const zone = "Europe/Berlin";
    // Sunday 23:30 local in summer time = 21:30 UTC: still the week of 12 October (UTC would say the same day)
    expect(bucketKey(new Date("2026-10-18T21:30:00Z"), "week", zone)).toBe("2026-10-12");
    // Monday 00:30 local (summer time) = Sunday 22:30 UTC: already the week of 19 October (UTC would say 12 October)
    expect(bucketKey(new Date("2026-10-18T22:30:00Z"), "week", zone)).toBe("2026-10-19");
    // After the change: Monday 00:30 local (winter time) = Sunday 23:30 UTC
    expect(bucketKey(new Date("2026-10-25T23:30:00Z"), "week", zone)).toBe("2026-10-26");
    expect(bucketKey(new Date("2026-10-25T22:59:00Z"), "week", zone)).toBe("2026-10-19");
    const frames = bucketFrames("week", new Date("2026-10-27T12:00:00Z"), zone, 3);
    expect(frames.map((f) => [f.key, f.start.toISOString()])).toEqual([
      ["2026-10-12", "2026-10-11T22:00:00.000Z"],
      ["2026-10-19", "2026-10-18T22:00:00.000Z"],
      ["2026-10-26", "2026-10-25T23:00:00.000Z"],
    ]);
    expect((frames[2]!.start.getTime() - frames[1]!.start.getTime()) / 3_600_000).toBe(169);
  });

  it("cuts weeks and months in a zone west of UTC", () => {
    const zone = "America/New_York";
    // Sunday 1 November 22:00 EST = Monday 03:00 UTC: still the week of 26 October locally
    expect(bucketKey(new Date("2026-11-02T03:00:00Z"), "week", zone)).toBe("2026-10-26");
    // 31 October 21:00 EDT = 1 November 01:00 UTC: still October locally
    expect(bucketKey(new Date("2026-11-01T01:00:00Z"), "month", zone)).toBe("2026-10-01");
    const months = bucketFrames("month", new Date("2026-11-15T12:00:00Z"), zone, 3);
    expect(months.map((f) => [f.label, f.start.toISOString()])).toEqual([
      ["2026-09", "2026-09-01T04:00:00.000Z"],
      ["2026-10", "2026-10-01T04:00:00.000Z"],
      ["2026-11", "2026-11-01T04:00:00.000Z"],
    ]);
  });

  it("months across a year end", () => {
    const months = bucketFrames("month", new Date("2027-01-10T12:00:00Z"), "UTC", 3);
    expect(months.map((f) => f.key)).toEqual(["2026-11-01", "2026-12-01", "2027-01-01"]);
  });
});
