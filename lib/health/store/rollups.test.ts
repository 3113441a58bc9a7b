// Rollups against the raw data they summarise: count, sum, min and max exact; percentiles within
// the sketch's 1 %; idempotent; late samples folded in; retention.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestHealthTarget } from "@/lib/testing/factories";
import { recordObservations, type CheckObservation, type MetricObservation } from "./record";
import { deleteExpiredHealthData } from "./retention";
import { clearRollupMarks, rollupPendingMinutes } from "./rollups";
import { exactPercentile, SKETCH_RELATIVE_ERROR } from "./sketch";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Deterministic pseudo-random values (mulberry32), latency-like and multiples of 1/8 so sums are exact. */
function values(seed: number, n: number): number[] {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: n }, () => Math.round(Math.exp(3 + 2 * next()) * 8) / 8 + (next() < 0.05 ? 2000 : 0));
}

const pushTarget = () => createTestHealthTarget({ kind: "push", heartbeats: false });

// Four minutes around today's UTC midnight: two hours (23:00 and 00:00) and two days.
const midnight = Math.floor(Date.now() / DAY) * DAY;
const MINUTES = [midnight - 2 * MINUTE, midnight - MINUTE, midnight, midnight + MINUTE];

async function seed(targetId: string) {
  const metrics: Array<MetricObservation & { at: Date }> = [];
  const checks: CheckObservation[] = [];
  MINUTES.forEach((start, m) => {
    values(m + 1, 150).forEach((value, i) =>
      metrics.push({ at: new Date(start + i * 300), metric: "response_time_ms", value }),
    );
    // Six checks a minute; every third fails: 4 of 6 succeed.
    for (let i = 0; i < 6; i++) checks.push({ at: new Date(start + i * 10_000), ok: i % 3 !== 0, durationMs: 10 + i });
  });
  await recordObservations(
    { id: targetId, name: "rollup test", thresholds: null, breachesToChange: 3 },
    { metrics, checks },
  );
  return { metrics, checks };
}

type Raw = { at: Date; value: number; ok?: boolean };
function expected(raw: Raw[], start: number, size: number) {
  const inside = raw.filter((r) => r.at.getTime() >= start && r.at.getTime() < start + size);
  const vs = inside.map((r) => r.value);
  return {
    count: vs.length,
    sum: vs.reduce((a, b) => a + b, 0),
    min: Math.min(...vs),
    max: Math.max(...vs),
    inside: vs,
    ok: inside.filter((r) => r.ok).length,
  };
}

async function rollupRows(targetId: string) {
  const rows = await db.healthRollup.findMany({
    where: { targetId },
    orderBy: [{ metric: "asc" }, { bucket: "asc" }, { bucketStart: "asc" }],
  });
  return rows.map(({ updatedAt: _updatedAt, ...r }) => r);
}

describe("rollupPendingMinutes", () => {
  it("matches the raw data in every minute, hour and day bucket", async () => {
    const target = await pushTarget();
    const { metrics, checks } = await seed(target.id);
    const summary = await rollupPendingMinutes({ targetIds: [target.id] });
    // 2 metrics × (4 minutes, 2 hours, 2 days).
    expect(summary).toEqual({ minutes: 8, hours: 4, days: 4, skipped: 0 });
    const rows = await rollupRows(target.id);
    expect(rows).toHaveLength(16);
    const raw: Record<string, Raw[]> = {
      response_time_ms: metrics,
      check: checks.map((c) => ({ at: c.at, value: c.durationMs, ok: c.ok })),
    };
    const size = { minute: MINUTE, hour: HOUR, day: DAY };
    for (const row of rows) {
      const e = expected(raw[row.metric]!, row.bucketStart.getTime(), size[row.bucket]);
      const label = `${row.metric} ${row.bucket} ${row.bucketStart.toISOString()}`;
      expect({ count: row.count, sum: row.sum, min: row.min, max: row.max }, label).toEqual({
        count: e.count,
        sum: e.sum,
        min: e.min,
        max: e.max,
      });
      expect(row.okCount, label).toBe(row.metric === "check" ? e.ok : null);
      for (const [q, reported] of [
        [0.5, row.p50],
        [0.95, row.p95],
        [0.99, row.p99],
      ] as const) {
        const exact = exactPercentile(e.inside, q);
        expect(Math.abs(reported - exact), `${label} p${q * 100}: ${reported} vs ${exact}`).toBeLessThanOrEqual(
          SKETCH_RELATIVE_ERROR * exact,
        );
      }
    }
    // Hand-checked: the 23:00 hour holds minutes 23:58 and 23:59 → 300 values and 12 checks, 8 ok.
    const hour23 = rows.find(
      (r) => r.metric === "check" && r.bucket === "hour" && r.bucketStart.getTime() === midnight - HOUR,
    );
    expect(hour23).toMatchObject({ count: 12, okCount: 8 });
    expect(await db.healthRollupPending.count({ where: { targetId: target.id } })).toBe(0);
  });

  it("is idempotent, and folds a late sample into its minute, hour and day only", async () => {
    const target = await pushTarget();
    await seed(target.id);
    await rollupPendingMinutes({ targetIds: [target.id] });
    const before = await rollupRows(target.id);
    // Mark every minute again: a second run rewrites the same numbers.
    await db.healthRollupPending.createMany({
      data: MINUTES.flatMap((m) =>
        ["check", "response_time_ms"].map((metric) => ({ targetId: target.id, metric, minute: new Date(m) })),
      ),
    });
    await rollupPendingMinutes({ targetIds: [target.id] });
    expect(await rollupRows(target.id)).toEqual(before);

    const lateAt = new Date(midnight - MINUTE + 59_000); // 23:59:59, arriving after its minute was rolled up
    await recordObservations(
      { id: target.id, name: "rollup test", thresholds: null, breachesToChange: 3 },
      { metrics: [{ at: lateAt, metric: "response_time_ms", value: 99_999 }] },
    );
    expect(await rollupPendingMinutes({ targetIds: [target.id] })).toEqual({
      minutes: 1,
      hours: 1,
      days: 1,
      skipped: 0,
    });
    const after = await rollupRows(target.id);
    const changed = after.filter((row, i) => JSON.stringify(row) !== JSON.stringify(before[i]));
    expect(changed.map((r) => `${r.metric} ${r.bucket} ${r.bucketStart.getTime() - midnight}`)).toEqual([
      "response_time_ms minute -60000",
      "response_time_ms hour -3600000",
      "response_time_ms day -86400000",
    ]);
    for (const r of changed) {
      const old = before.find(
        (b) => b.metric === r.metric && b.bucket === r.bucket && b.bucketStart.getTime() === r.bucketStart.getTime(),
      )!;
      expect({ count: r.count, max: r.max, sum: r.sum }).toEqual({
        count: old.count + 1,
        max: 99_999,
        sum: old.sum + 99_999,
      });
    }
  });

  it("keeps a mark that a new sample bumped while the run was rolling it up", async () => {
    const target = await pushTarget();
    const minute = new Date(midnight);
    const record = (value: number) =>
      recordObservations(
        { id: target.id, name: "race", thresholds: null, breachesToChange: 3 },
        { metrics: [{ at: minute, metric: "memory_pct", value }] },
      );
    await record(10);
    const [read] = await db.healthRollupPending.findMany({ where: { targetId: target.id } });
    await record(20); // arrives after the run read the mark: version 0 → 1
    await clearRollupMarks([read!]);
    expect(await db.healthRollupPending.findMany({ where: { targetId: target.id } })).toMatchObject([{ version: 1 }]);
    await clearRollupMarks([{ ...read!, version: 1 }]);
    expect(await db.healthRollupPending.count({ where: { targetId: target.id } })).toBe(0);
  });

  it("drops marks older than the raw retention instead of rebuilding their hour from partial minutes", async () => {
    const target = await pushTarget();
    const old = new Date(Date.now() - 20 * DAY);
    await recordObservations(
      { id: target.id, name: "old", thresholds: null, breachesToChange: 3 },
      { metrics: [{ at: old, metric: "memory_pct", value: 50 }] },
    );
    expect(await rollupPendingMinutes({ targetIds: [target.id] })).toEqual({
      minutes: 0,
      hours: 0,
      days: 0,
      skipped: 1,
    });
    expect(await db.healthRollup.count({ where: { targetId: target.id } })).toBe(0);
    expect(await db.healthRollupPending.count({ where: { targetId: target.id } })).toBe(0);
  });
});

describe("deleteExpiredHealthData", () => {
  it("deletes raw samples and minute rollups past the retention, hour rollups past 400 days, and keeps days", async () => {
    const target = await pushTarget();
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    await db.healthSample.createMany({
      data: [15, 13].map((d) => ({ targetId: target.id, at: ago(d), metric: "memory_pct", value: d })),
    });
    const rollup = (bucket: "minute" | "hour" | "day", days: number) => ({
      targetId: target.id,
      metric: "memory_pct",
      bucket,
      bucketStart: ago(days),
      count: 1,
      sum: 1,
      min: 1,
      max: 1,
      p50: 1,
      p95: 1,
      p99: 1,
      sketch: {},
    });
    await db.healthRollup.createMany({
      data: [rollup("minute", 15), rollup("minute", 13), rollup("hour", 401), rollup("hour", 399), rollup("day", 900)],
    });
    // Retention 14 days: the 15-day-old sample and minute rollup go; 13 days stay.
    expect(await deleteExpiredHealthData({ now, retentionDays: 14, targetIds: [target.id] })).toEqual({
      rawSamples: 1,
      minuteRollups: 1,
      hourRollups: 1,
    });
    expect((await db.healthSample.findMany({ where: { targetId: target.id } })).map((s) => s.value)).toEqual([13]);
    const left = await db.healthRollup.findMany({ where: { targetId: target.id }, orderBy: { bucketStart: "asc" } });
    expect(left.map((r) => r.bucket)).toEqual(["day", "hour", "minute"]);
  });
});
