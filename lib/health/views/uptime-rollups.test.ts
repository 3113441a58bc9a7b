// Uptime read from hour and day rollups equals uptime counted from raw samples (hand-made fixtures), and
// maintenance-window checks are counted apart, neither up nor down.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestHealthTarget } from "@/lib/testing/factories";
import { recordObservations } from "../store/record";
import { rollupPendingMinutes } from "../store/rollups";
import { getUptime } from "./uptime";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Raw truth: checks and successes of a target in [from, to). */
async function rawCount(targetId: string, from: Date, to: Date) {
  const [checks, ok] = await Promise.all([
    db.healthSample.count({ where: { targetId, metric: "check", at: { gte: from, lt: to } } }),
    db.healthSample.count({ where: { targetId, metric: "check", ok: true, at: { gte: from, lt: to } } }),
  ]);
  return { checks, ok };
}

/** `n` checks every 31 minutes from `start`; every `failEvery`-th fails. */
function checksFrom(start: number, n: number, failEvery: number) {
  return Array.from({ length: n }, (_, i) => ({
    at: new Date(start + i * 31 * MIN),
    ok: i % failEvery !== 0,
    durationMs: 5,
  }));
}

describe("uptime from rollups", () => {
  it("gives the raw samples' counts for 24 h, 7 d and a partial-hour window, with rolled-up, pending and not yet rolled-up hours", async () => {
    const target = await createTestHealthTarget({ kind: "push", heartbeats: false });
    const now = new Date(Math.floor(Date.now() / HOUR) * HOUR + 23 * MIN + 17_000);
    const t0 = now.getTime() - 6 * DAY - 5 * HOUR - 13 * MIN;
    await recordObservations(target, { checks: checksFrom(t0, 280, 9) }); // about 6 days, every 31 min
    await rollupPendingMinutes({ targetIds: [target.id], now, maxBatches: 1000 });
    expect(await db.healthRollupPending.count({ where: { targetId: target.id } })).toBe(0);
    // Late samples land in hours already rolled up (pending marks), and new ones after the newest rollup.
    await recordObservations(target, {
      checks: [
        { at: new Date(t0 + 3 * DAY + 2 * MIN), ok: false, durationMs: 5 },
        { at: new Date(t0 + 3 * DAY + 3 * MIN), ok: true, durationMs: 5 },
        ...checksFrom(now.getTime() - 95 * MIN, 3, 2),
      ],
    });
    for (const [from, to] of [
      [now.getTime() - DAY, now.getTime()],
      [now.getTime() - 7 * DAY, now.getTime()],
      [t0 + 3 * DAY - 10 * MIN, t0 + 3 * DAY + 40 * MIN],
      [t0 + 17 * MIN, now.getTime() - 2 * DAY + 11 * MIN],
    ] as const) {
      const up = (await getUptime([target.id], new Date(from), new Date(to), now)).get(target.id)!;
      expect({ checks: up.checks, ok: up.ok }).toEqual(await rawCount(target.id, new Date(from), new Date(to)));
    }
    // Whole hours really come from hour rollups, whole days from day rollups: a rollup changed by hand shows.
    const key = (bucket: "hour" | "day", bucketStart: Date) => ({
      targetId_metric_bucket_bucketStart: { targetId: target.id, metric: "check", bucket, bucketStart },
    });
    const hour = new Date(Math.floor((t0 + DAY) / HOUR) * HOUR + HOUR);
    const hours = [new Date(hour.getTime() - HOUR), new Date(hour.getTime() + 3 * HOUR)] as const; // no whole day
    await db.healthRollup.update({ where: key("hour", hour), data: { count: { increment: 1000 } } });
    const short = (await getUptime([target.id], hours[0], hours[1], now)).get(target.id)!;
    expect(short.checks).toBe((await rawCount(target.id, hours[0], hours[1])).checks + 1000);
    await db.healthRollup.update({ where: key("hour", hour), data: { count: { decrement: 1000 } } });
    const day = new Date(Math.ceil((now.getTime() - 6 * DAY) / DAY) * DAY); // a whole UTC day inside the week
    await db.healthRollup.update({ where: key("day", day), data: { count: { increment: 1000 } } });
    const week = (await getUptime([target.id], new Date(now.getTime() - 7 * DAY), now, now)).get(target.id)!;
    expect(week.checks).toBe((await rawCount(target.id, new Date(now.getTime() - 7 * DAY), now)).checks + 1000);
  });

  it("counts checks during maintenance apart: exactly inside the raw retention, by whole hours before it", async () => {
    const target = await createTestHealthTarget({ kind: "push", heartbeats: false });
    const now = new Date(Math.floor(Date.now() / HOUR) * HOUR + 30 * MIN);
    const recent = now.getTime() - 2 * DAY; // an hour boundary
    // 60 checks a minute apart from `recent`: 10 of them (minutes 20–29) inside a 10-minute maintenance window.
    await recordObservations(target, {
      checks: Array.from({ length: 60 }, (_, i) => ({
        at: new Date(recent + i * MIN),
        ok: i < 20 || i >= 30,
        durationMs: 5,
      })),
    });
    await rollupPendingMinutes({ targetIds: [target.id], now, maxBatches: 1000 });
    await db.maintenanceWindow.create({
      data: {
        title: "Database upgrade",
        targetIds: [target.id],
        startsAt: new Date(recent + 20 * MIN),
        durationMinutes: 10,
      },
    });
    const up = (await getUptime([target.id], new Date(now.getTime() - 7 * DAY), now, now)).get(target.id)!;
    // The failures all fell in the window: 50 checks counted, all up; 10 in maintenance.
    expect(up).toMatchObject({ checks: 50, ok: 50, maintenance: 10, pct: 100 });

    // Before the raw retention only hour rollups are left: an hour touching maintenance counts as maintenance.
    const old = Math.floor((now.getTime() - 20 * DAY) / HOUR) * HOUR;
    for (const [k, ok] of [
      [0, 55],
      [1, 60],
    ] as const)
      await db.healthRollup.create({
        data: {
          targetId: target.id,
          metric: "check",
          bucket: "hour",
          bucketStart: new Date(old + k * HOUR),
          count: 60,
          okCount: ok,
          sum: 60,
          min: 1,
          max: 1,
          p50: 1,
          p95: 1,
          p99: 1,
          sketch: {},
        },
      });
    await db.maintenanceWindow.create({
      data: { title: "Old upgrade", targetIds: [target.id], startsAt: new Date(old + 50 * MIN), durationMinutes: 5 },
    });
    const month = (await getUptime([target.id], new Date(now.getTime() - 30 * DAY), now, now)).get(target.id)!;
    expect(month).toMatchObject({ checks: 50 + 60, ok: 50 + 60, maintenance: 10 + 60 });
  });
});
