// Uptime counts are consistent across windows: a longer window never shows fewer checks (hand-computed).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestHealthTarget } from "@/lib/testing/factories";
import { recordObservations } from "../store/record";
import { getUptime } from "./uptime";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function hourRollup(targetId: string, bucketStart: Date, count: number, okCount: number) {
  await db.healthRollup.create({
    data: {
      targetId,
      metric: "check",
      bucket: "hour",
      bucketStart,
      count,
      okCount,
      sum: count,
      min: 1,
      max: 1,
      p50: 1,
      p95: 1,
      p99: 1,
      sketch: {},
    },
  });
}

describe("uptime windows", () => {
  it("count raw checks inside the retention and hour rollups before it, so longer windows contain shorter ones", async () => {
    const target = await createTestHealthTarget({ kind: "push", heartbeats: false });
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const hourOf = (d: Date) => new Date(Math.floor(d.getTime() / HOUR) * HOUR);
    // Older than the 14-day raw retention: only hour rollups are left (their raw samples were deleted).
    await hourRollup(target.id, hourOf(ago(20 * DAY)), 10, 9);
    await hourRollup(target.id, hourOf(ago(40 * DAY)), 6, 3);
    // Raw checks inside the retention, not rolled up yet (the rollup job lags behind).
    const checks = (at: Date, ok: number, failed: number) => [
      ...Array.from({ length: ok }, (_, i) => ({ at: new Date(at.getTime() + i * 1000), ok: true, durationMs: 5 })),
      ...Array.from({ length: failed }, (_, i) => ({
        at: new Date(at.getTime() + (ok + i) * 1000),
        ok: false,
        durationMs: 5,
      })),
    ];
    await recordObservations(target, {
      checks: [...checks(ago(13 * DAY), 1, 1), ...checks(ago(3 * DAY), 3, 0), ...checks(ago(30 * 60_000), 4, 1)],
    });

    const windows = [DAY, 7 * DAY, 30 * DAY, 90 * DAY];
    const results = await Promise.all(windows.map((w) => getUptime([target.id], ago(w), now, now)));
    const counts = results.map((r) => [r.get(target.id)!.checks, r.get(target.id)!.ok]);
    expect(counts).toEqual([
      [5, 4], // 24 h: the last half hour
      [8, 7], // 7 d: + 3 days ago
      [20, 17], // 30 d: + 13 days ago (raw) + the rollup of 20 days ago
      [26, 20], // 90 d: + the rollup of 40 days ago
    ]);
    expect(results[2]!.get(target.id)!.pct).toBeCloseTo(85, 10);
    for (let i = 1; i < counts.length; i++) expect(counts[i]![0]).toBeGreaterThanOrEqual(counts[i - 1]![0]!);
  });
});
