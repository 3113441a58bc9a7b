// A finished window's runtime KPIs are computed once and computed again when its data changes: a late
// sample (pending mark), the rollup run that folds it in (day revision), a maintenance window.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordObservations } from "@/lib/health/store/record";
import { rollupPendingMinutes } from "@/lib/health/store/rollups";
import { createTestHealthTarget } from "@/lib/testing/factories";
import { withIsolatedDatabase } from "@/lib/testing/isolated-database";
import { computeRuntime } from ".";
import { clearRuntimeCache } from "./cache";

// A window's version counts every target's rollup revisions and pending marks of its days: a rollup run
// in a test file running at the same time changed it, and the cached value this file expects to stay
// was computed again (seen with two Vitest workers). This file gets a database of its own.
withIsolatedDatabase();

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("runtime KPIs kept for finished windows", () => {
  it("are reused until a late sample, its rollup run or a maintenance window changes the window", async () => {
    const t = await createTestHealthTarget({ kind: "push", heartbeats: false });
    const targets = [{ id: t.id, slug: t.slug, name: t.name, kind: t.kind }];
    // Inside the raw retention, so the rollup run folds late samples in; the window is a finished UTC day.
    const now = new Date(Math.floor(Date.now() / DAY) * DAY + 5 * HOUR);
    const start = new Date(now.getTime() - 5 * HOUR - 3 * DAY);
    const w = { start, end: new Date(start.getTime() + DAY) };
    const at = (h: number, m = 0) => new Date(start.getTime() + h * HOUR + m * MIN);
    await recordObservations(t, {
      checks: [2, 3, 4, 5].map((h, i) => ({ at: at(h), ok: i !== 0, durationMs: 5 })),
      metrics: [100, 200, 300].map((v, i) => ({ at: at(i + 2), metric: "response_time_ms", value: v })),
    });
    await rollupPendingMinutes({ targetIds: [t.id], now, maxBatches: 100 });
    const value = async (key: string) =>
      (await computeRuntime(targets, [w], now))[0]?.[`runtime.${t.slug}.${key}`]?.value;
    const fresh = async (key: string) => {
      clearRuntimeCache();
      return value(key);
    };
    expect(await value("uptime_pct")).toBe(75);

    // Kept: a day rollup changed behind the rollup job's back (no mark, no revision) is not seen…
    const dayRow = {
      targetId_metric_bucket_bucketStart: {
        targetId: t.id,
        metric: "check",
        bucket: "day" as const,
        bucketStart: start,
      },
    };
    await db.healthRollup.update({ where: dayRow, data: { okCount: 0 } });
    expect(await value("uptime_pct")).toBe(75);
    // …and the same change made by a rollup run is (its revision of the day moved on).
    await recordObservations(t, { checks: [{ at: at(6, 30), ok: false, durationMs: 5 }] });
    await rollupPendingMinutes({ targetIds: [t.id], now, maxBatches: 100 });
    expect(await value("uptime_pct")).toBe(60); // 3 of 5: the run rewrote the day from its hours
    expect(await fresh("uptime_pct")).toBe(60);

    // A late sample, still pending: counted from the raw samples at once.
    await recordObservations(t, {
      checks: [{ at: at(7, 10), ok: true, durationMs: 5 }],
      metrics: [{ at: at(7, 10), metric: "response_time_ms", value: 9000 }],
    });
    expect(await value("uptime_pct")).toBeCloseTo((4 / 6) * 100, 9);
    expect(await value("uptime_pct")).toBe(await fresh("uptime_pct"));
    // Rolled up: the response time it carries shows too, as in a fresh computation.
    await rollupPendingMinutes({ targetIds: [t.id], now, maxBatches: 100 });
    const p99 = await value("response_p99_ms");
    expect(p99).toBeCloseTo(9000, -2);
    expect(p99).toBe(await fresh("response_p99_ms"));

    // A maintenance window over the target's checks: they count apart.
    await value("uptime_pct");
    await db.maintenanceWindow.create({
      data: { title: `cache test ${t.id}`, startsAt: at(0), durationMinutes: 12 * 60, targetIds: [t.id] },
    });
    try {
      expect(await value("uptime_pct")).toBe(await fresh("uptime_pct"));
      expect(await value("uptime_pct")).toBeNull();
    } finally {
      await db.maintenanceWindow.deleteMany({ where: { title: `cache test ${t.id}` } });
    }
  });
});
