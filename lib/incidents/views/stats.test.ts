// MTTA/MTTR on hand-computed fixtures, including unacknowledged and still-open incidents.
import { describe, expect, it } from "vitest";
import { computeIncidentStats, summarize, type StatsIncident } from "./stats";

const t = (s: string) => new Date(`2026-${s}Z`);
const inc = (
  started: string,
  ack: string | null,
  mitigated: string | null,
  resolved: string | null,
  extra: Partial<StatsIncident> = {},
): StatsIncident => ({
  typeKey: "outage",
  severity: "SEV1",
  startedAt: t(started),
  acknowledgedAt: ack ? t(ack) : null,
  mitigatedAt: mitigated ? t(mitigated) : null,
  resolvedAt: resolved ? t(resolved) : null,
  resolutionMinutes: 240,
  ...extra,
});

describe("summarize", () => {
  it("takes the middle (mean of the two middle for even n), p90 by nearest rank and the mean", () => {
    expect(summarize([])).toEqual({ count: 0, median: null, p90: null, mean: null });
    expect(summarize([5])).toEqual({ count: 1, median: 5, p90: 5, mean: 5 });
    // sorted 1..10: median (5+6)/2 = 5.5; p90 rank ⌈9⌉ = 9th → 9; mean 5.5
    expect(summarize([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])).toEqual({ count: 10, median: 5.5, p90: 9, mean: 5.5 });
    // n = 11: rank ⌈9.9⌉ = 10th smallest of 1..11 → 10
    expect(summarize([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).p90).toBe(10);
  });
});

describe("computeIncidentStats", () => {
  const list = [
    // March: acked after 5 min, mitigated 30 min, resolved 60 min (within 4 h)
    inc("03-01T10:00:00", "03-01T10:05:00", "03-01T10:30:00", "03-01T11:00:00"),
    // March: acked after 15 min, resolved after 5 h (outside the 4 h target), mitigated at resolution
    inc("03-10T00:00:00", "03-10T00:15:00", "03-10T05:00:00", "03-10T05:00:00", { severity: "SEV2" }),
    // March: never acknowledged, resolved after 2 h (security: target 7 days)
    inc("03-20T12:00:00", null, "03-20T14:00:00", "03-20T14:00:00", {
      typeKey: "security",
      resolutionMinutes: 7 * 24 * 60,
    }),
    // April: acknowledged after 10 min, still open
    inc("04-02T08:00:00", "04-02T08:10:00", null, null),
  ];
  const stats = computeIncidentStats(list);

  it("computes March by hand: MTTA over the 2 acknowledged, MTTR over the 3 resolved", () => {
    const march = stats.months.find((m) => m.key === "2026-03")!;
    expect(march).toMatchObject({ incidents: 3, open: 0, unacknowledged: 1 });
    expect(march.mtta).toEqual({ count: 2, median: 600, p90: 900, mean: 600 }); // 300 s, 900 s
    expect(march.mttr).toEqual({ count: 3, median: 7200, p90: 18000, mean: (3600 + 18000 + 7200) / 3 }); // 1 h, 5 h, 2 h
    expect(march.mttm).toEqual({ count: 3, median: 7200, p90: 18000, mean: (1800 + 18000 + 7200) / 3 });
    expect(march.withinTarget).toEqual({ resolved: 3, within: 2, share: 2 / 3 });
  });

  it("counts April's open incident as open, with MTTA but no MTTR", () => {
    const april = stats.months.find((m) => m.key === "2026-04")!;
    expect(april).toMatchObject({ incidents: 1, open: 1, unacknowledged: 0 });
    expect(april.mtta).toEqual({ count: 1, median: 600, p90: 600, mean: 600 });
    expect(april.mttr).toEqual({ count: 0, median: null, p90: null, mean: null });
    expect(april.withinTarget.share).toBeNull();
  });

  it("splits by type and severity", () => {
    expect(stats.byType.map((r) => [r.key, r.incidents, r.mttr.count])).toEqual([
      ["outage", 3, 2],
      ["security", 1, 1],
    ]);
    expect(stats.bySeverity.map((r) => [r.key, r.incidents])).toEqual([
      ["SEV1", 3],
      ["SEV2", 1],
    ]);
    expect(stats.total.mtta.count).toBe(3);
  });
});
