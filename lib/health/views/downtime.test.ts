import { describe, expect, it } from "vitest";
import { downtimePeriods } from "./downtime";

const t = (m: number) => new Date(Date.UTC(2026, 10, 30, 12, m));
const ok = (m: number) => ({ at: t(m), ok: true, reason: null });
const fail = (m: number, reason: string | null = "status 503") => ({ at: t(m), ok: false, reason });

describe("downtimePeriods", () => {
  it("turns runs of failed checks into periods, newest first, with the first failure as the reason", () => {
    const rows = [ok(0), fail(1, "connection refused"), fail(2, "timeout"), ok(3), ok(4), fail(10), ok(12)];
    expect(downtimePeriods(rows, t(30))).toEqual([
      { start: t(10).toISOString(), end: t(12).toISOString(), seconds: 120, reason: "status 503" },
      { start: t(1).toISOString(), end: t(3).toISOString(), seconds: 120, reason: "connection refused" },
    ]);
  });
  it("keeps a period that is still going on open, measured up to now", () => {
    expect(downtimePeriods([ok(0), fail(5, null), fail(6)], t(20))).toEqual([
      { start: t(5).toISOString(), end: null, seconds: 900, reason: "check failed" },
    ]);
  });
  it("has nothing for a target that never failed or was never checked", () => {
    expect(downtimePeriods([ok(0), ok(1)], t(5))).toEqual([]);
    expect(downtimePeriods([], t(5))).toEqual([]);
  });
});
