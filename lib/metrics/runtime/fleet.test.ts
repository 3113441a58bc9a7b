// The runtime trend's closed months from the fleet's cached days (fleet.ts): hand-computed
// figures, the same values as computeRuntime in zones east and west of UTC and off the hour, a day
// read again only when its revision or the set of targets changes, and a day that is not the merge of
// its hours read from its hours.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bumpRevisions } from "@/lib/health/store/rollups";
import { mergeSketches, type Sketch } from "@/lib/health/store/sketch";
import { createTestHealthTarget } from "@/lib/testing/factories";
import { withIsolatedDatabase } from "@/lib/testing/isolated-database";
import { createRollups } from "../fixtures";
import { computeRuntime, FLEET_PREFIX, type RuntimeTarget } from ".";
import { clearRuntimeCache } from "./cache";
import { computeRuntimeTrend, RUNTIME_TREND_IDS } from "./trend";
import type { WindowBounds } from "../types";

// Revisions and pending marks are read per day for every target: other files' rollup runs would change them.
withIsolatedDatabase();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const D = new Date("2026-02-10T00:00:00Z").getTime();
/** Past the raw retention for every window below: the trend reads them from rollups alone. */
const NOW = new Date("2026-03-30T00:00:00Z");

const win = (from: number, to: number): WindowBounds => ({ start: new Date(from), end: new Date(to) });
const fleetValue = (values: Record<string, { value: number | null }> | undefined, key: string) =>
  values?.[`${FLEET_PREFIX}${key}`]?.value;

/**
 * Three days of hours: target A (HTTP) 10 checks an hour, 4 of them failed at 03:00, and one response
 * time of 10·(hour of the day + 1) ms; target B (Prometheus) 4 checks an hour, all ok, and a scraped
 * 5,000 ms that stays out of the fleet's percentiles.
 */
async function threeDays(): Promise<RuntimeTarget[]> {
  const a = await createTestHealthTarget({ kind: "http", check: { url: "http://127.0.0.1:9/" } });
  const b = await createTestHealthTarget({ kind: "prometheus", url: "http://127.0.0.1:9/metrics" });
  const hours = Array.from({ length: 72 }, (_, h) => h);
  await createRollups(
    a.id,
    new Date(D),
    hours.flatMap((h) => [
      [h, "check", Array(10).fill(1), h % 24 === 3 ? 6 : 10] as [number, string, number[], number],
      [h, "response_time_ms", [10 * ((h % 24) + 1)]] as [number, string, number[]],
    ]),
  );
  await createRollups(
    b.id,
    new Date(D),
    hours.flatMap((h) => [
      [h, "check", Array(4).fill(1), 4] as [number, string, number[], number],
      [h, "response_time_ms", [5000]] as [number, string, number[]],
    ]),
  );
  return [a, b].map((t) => ({ id: t.id, slug: t.slug, name: t.name, kind: t.kind }));
}

/** The trend's figures of `windows` equal computeRuntime's, figure for figure. */
async function expectSameAsRuntime(targets: RuntimeTarget[], windows: WindowBounds[]) {
  clearRuntimeCache();
  const trend = await computeRuntimeTrend(targets, windows, new Set(), NOW);
  const exact = await computeRuntime(targets, windows, NOW);
  for (const [i, values] of exact.entries())
    for (const id of RUNTIME_TREND_IDS)
      expect(trend[i]?.[id]?.value, `${id} of window ${i}`).toBe(values[id]?.value ?? null);
  return trend;
}

describe("the runtime trend from the fleet's days", () => {
  it("gives hand-computed figures, the same as computeRuntime, in zones on and off the hour", async () => {
    const targets = await threeDays();
    const [shifted] = await expectSameAsRuntime(targets, [win(D + HOUR, D + 2 * DAY + HOUR)]);
    // Hours 1–48: A's 480 checks with 8 failed (03:00 twice), B's 192 → 664 ÷ 672.
    expect(fleetValue(shifted, "uptime_pct")).toBeCloseTo((664 / 672) * 100, 9);
    // A's 48 response times are 10…240 ms twice each: nearest rank 24 is 120, 46 is 230, 48 is 240.
    expect(fleetValue(shifted, "response_p50_ms")! / 120).toBeCloseTo(1, 1);
    expect(fleetValue(shifted, "response_p95_ms")! / 230).toBeCloseTo(1, 1);
    expect(fleetValue(shifted, "response_p99_ms")! / 240).toBeCloseTo(1, 1);
    await expectSameAsRuntime(targets, [
      win(D - 5 * HOUR, D + 2 * DAY - 5 * HOUR), // 5 hours before a whole day, then 19 hours (subtracted)
      win(D + 30 * 60_000, D + DAY + 30 * 60_000), // off the hour: checks from 00:00, the rest from 01:00
      win(D + 2 * HOUR, D + 10 * HOUR), // inside one day
      win(D - 20 * HOUR, D + 3 * HOUR), // across a midnight, no whole day
    ]);
  });

  it("reads a day again only when its revision or the set of targets changes", async () => {
    const targets = await threeDays();
    const uptime = async (fleet: RuntimeTarget[], from: number) =>
      fleetValue((await computeRuntimeTrend(fleet, [win(from, D + 2 * DAY)], new Set(), NOW))[0], "uptime_pct");
    const editDay = (okCount: number) =>
      db.healthRollup.updateMany({
        where: { targetId: targets[0]!.id, metric: "check", bucket: "day", bucketStart: new Date(D + DAY) },
        data: { okCount },
      });
    const a = targets.slice(0, 1);
    // The whole day D + 1 (A alone): 240 checks, 4 failed.
    expect(await uptime(a, D + DAY)).toBeCloseTo((236 / 240) * 100, 9);
    // The day's row changed behind the rollup job's back: another window over it (from 22:00 the day
    // before: A's 20 checks then) reuses the day as read.
    await editDay(0);
    expect(await uptime(a, D + DAY - 2 * HOUR)).toBeCloseTo((256 / 260) * 100, 9);
    // Another set of targets (A and B, whose 96 checks that day were ok): the day is read again.
    expect(await uptime(targets, D + DAY)).toBeCloseTo((96 / 336) * 100, 9);
    await editDay(100);
    expect(await uptime(targets, D + DAY - 2 * HOUR)).toBeCloseTo((124 / 364) * 100, 9);
    // A rollup run's new revision of the day: read again (from 21:00: 30 + 12 checks before the day).
    await bumpRevisions(new Set([D + DAY]));
    expect(await uptime(targets, D + DAY - 3 * HOUR)).toBeCloseTo((238 / 378) * 100, 9);
  });

  it("reads a day that is not the merge of its hours from its hours", async () => {
    const targets = await threeDays();
    const window = win(D + HOUR, D + DAY + HOUR); // hours 1–23 of D (the day minus hour 0) and hour 0 of D + 1
    const [before] = await expectSameAsRuntime(targets, [window]);
    // D's day sketch made of hours 12–23 only: subtracting hour 0 would leave a negative count.
    const hours = await db.healthRollup.findMany({
      where: {
        targetId: targets[0]!.id,
        metric: "response_time_ms",
        bucket: "hour",
        bucketStart: { gte: new Date(D + 12 * HOUR), lt: new Date(D + DAY) },
      },
      select: { sketch: true },
    });
    await db.healthRollup.updateMany({
      where: { targetId: targets[0]!.id, metric: "response_time_ms", bucket: "day", bucketStart: new Date(D) },
      data: { sketch: mergeSketches(hours.map((h) => h.sketch as unknown as Sketch)) as object },
    });
    await bumpRevisions(new Set([D]));
    const shifted = win(D + HOUR, D + DAY + HOUR - 1); // a new window: not remembered as a closed month
    const [after] = await expectSameAsRuntime(targets, [shifted]);
    // Hours 1–23 of D (20…240 ms) and 00:00 of D + 1 (10 ms): nearest rank 12 of 24 is 120.
    expect(fleetValue(after, "response_p50_ms")).toBe(fleetValue(before, "response_p50_ms"));
    expect(fleetValue(after, "response_p50_ms")! / 120).toBeCloseTo(1, 1);
  });
});
