// Uptime over a window longer than the raw retention: counted from hour rollups, hand-computed.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestHealthTarget } from "@/lib/testing/factories";
import { CHECK_METRIC } from "./record";
import { getUptime } from "./uptime";

const now = new Date("2026-06-30T12:00:00Z");
const hour = (iso: string, count: number, okCount: number, metric = CHECK_METRIC) => ({
  metric, bucket: "hour" as const, bucketStart: new Date(iso), count, okCount, sum: 0, min: 0, max: 0, p50: 0, p95: 0, p99: 0, sketch: {},
});

describe("uptime over 30 days (beyond the 14-day raw retention)", () => {
  it("sums the hour rollups in [start rounded down to the hour, to)", async () => {
    const target = await createTestHealthTarget({ kind: "push" });
    const other = await createTestHealthTarget({ kind: "push" });
    const rows = [
      hour("2026-05-31T11:00:00Z", 60, 0), //  before the window's hour: not counted
      hour("2026-05-31T12:00:00Z", 60, 60), // the window starts at 12:25, rounded down to 12:00: counted
      hour("2026-06-10T03:00:00Z", 120, 90), // an hour with 30 failed checks
      hour("2026-06-29T23:00:00Z", 60, 59),
      hour("2026-06-30T12:00:00Z", 60, 0), //  starts at `to`: not counted
      hour("2026-06-10T03:00:00Z", 500, 0, "response_time_ms"), // a KPI rollup, not checks
    ];
    await db.healthRollup.createMany({ data: rows.map((r) => ({ ...r, targetId: target.id })) });
    await db.healthRollup.createMany({ data: [{ ...hour("2026-06-10T03:00:00Z", 60, 0), targetId: other.id }] });
    // A raw failed check inside the window is not counted twice (the rollups already hold it).
    await db.healthSample.create({ data: { targetId: target.id, at: new Date("2026-06-29T23:30:00Z"), metric: CHECK_METRIC, value: 1, ok: false } });

    const from = new Date("2026-05-31T12:25:00Z");
    const uptime = (await getUptime([target.id, other.id], from, now, now)).get(target.id);
    // checks = 60 + 120 + 60 = 240; ok = 60 + 90 + 59 = 209; 209 / 240 × 100 = 87.0833… %
    expect(uptime).toMatchObject({ checks: 240, ok: 209, source: "hour-rollups", from: new Date("2026-05-31T12:00:00Z") });
    expect(uptime?.pct).toBeCloseTo(87.083333, 5);
  });

  it("says no data (null), not 0 % or 100 %, for a window without rollups", async () => {
    const target = await createTestHealthTarget({ kind: "push" });
    expect((await getUptime([target.id], new Date("2026-05-01T00:00:00Z"), now, now)).get(target.id)).toMatchObject({ checks: 0, pct: null });
  });
});
