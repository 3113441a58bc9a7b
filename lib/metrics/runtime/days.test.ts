// The day cache behind the runtime KPIs (days.ts): a new window reads only the days no earlier
// window read, a day is read again when its rollup revision or its pending marks change, and a window
// longer than the cache keeps gives the same figures from the database.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordObservations } from "@/lib/health/store/record";
import { bumpRevisions, rollupPendingMinutes } from "@/lib/health/store/rollups";
import { mergeSketches, type Sketch } from "@/lib/health/store/sketch";
import { getUptime } from "@/lib/health/views/uptime";
import { createTestHealthTarget } from "@/lib/testing/factories";
import { withIsolatedDatabase } from "@/lib/testing/isolated-database";
import { createRollups } from "../fixtures";
import { computeRuntime } from ".";
import { clearRuntimeCache } from "./cache";
import { MAX_CACHED_DAYS } from "./days";
import { windowUptime } from "./uptime";

// Pending marks and revisions are read per day for every target: other files' rollup runs would change them.
withIsolatedDatabase();

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DAY0 = new Date("2026-02-02T00:00:00Z");
const NOW = new Date("2026-03-30T00:00:00Z");

describe("runtime KPIs over cached days", () => {
  it("reuse a day until its revision or a pending mark changes it, across windows and time zones", async () => {
    const t = await createTestHealthTarget({ kind: "http", check: { url: "http://127.0.0.1:9/" } });
    const target = [{ id: t.id, slug: t.slug, name: t.name, kind: "http" }];
    await createRollups(t.id, DAY0, [
      [1, "response_time_ms", [100, 200]],
      [30, "response_time_ms", [300, 400]],
      [2, "memory_pct", [40, 70]],
      [26, "memory_pct", [50]],
      [3, "error_rate_pct", [1, 3]],
      [27, "error_rate_pct", [5]],
    ]);
    const value = async (start: number, end: number, key: string) => {
      const [values] = await computeRuntime(target, [{ start: new Date(start), end: new Date(end) }], NOW);
      return values?.[`runtime.${t.slug}.${key}`]?.value;
    };
    const d0 = DAY0.getTime();
    // Two whole days: 4 response times, peak memory 70, error rate (1 + 3 + 5) / 3.
    expect(await value(d0, d0 + 2 * DAY, "response_p99_ms")).toBeCloseTo(400, -1);
    expect(await value(d0, d0 + 2 * DAY, "memory_peak_pct")).toBe(70);
    expect(await value(d0, d0 + 2 * DAY, "error_rate_pct")).toBe(3);
    // The first day's row changed behind the rollup job's back (no new revision): a new window over
    // that day (another zone's: 23:00 the day before) reuses the day as read before.
    await db.healthRollup.updateMany({
      where: { targetId: t.id, metric: "memory_pct", bucket: "day", bucketStart: DAY0 },
      data: { max: 99 },
    });
    expect(await value(d0 - HOUR, d0 + 2 * DAY - HOUR, "memory_peak_pct")).toBe(70);
    // A rollup run's new revision of the day: read again.
    await bumpRevisions(new Set([d0]));
    expect(await value(d0 - 2 * HOUR, d0 + 2 * DAY - 2 * HOUR, "memory_peak_pct")).toBe(99);
    // A late sample's pending mark in the second day: that day is read again too.
    await db.healthRollup.updateMany({
      where: { targetId: t.id, metric: "error_rate_pct", bucket: "day", bucketStart: new Date(d0 + DAY) },
      data: { sum: 11 },
    });
    // The second day alone (21:00 the day before it, in a zone 3 hours ahead), as read in the first window.
    expect(await value(d0 + DAY - 3 * HOUR, d0 + 3 * DAY - 3 * HOUR, "error_rate_pct")).toBe(5);
    await db.healthRollupPending.create({
      data: { targetId: t.id, metric: "error_rate_pct", minute: new Date(d0 + DAY + 5 * 60_000) },
    });
    expect(await value(d0 + DAY - 4 * HOUR, d0 + 3 * DAY - 4 * HOUR, "error_rate_pct")).toBe(11);
  });

  it("read a window longer than the cache keeps from the database, with the same figures", async () => {
    const t = await createTestHealthTarget({ kind: "http", check: { url: "http://127.0.0.1:9/" } });
    const target = [{ id: t.id, slug: t.slug, name: t.name, kind: "http" }];
    await createRollups(t.id, DAY0, [
      [1, "response_time_ms", [100, 200]],
      [50, "response_time_ms", [300, 400]],
      [2, "memory_pct", [40, 70]],
      [3, "error_rate_pct", [1, 3]],
      [51, "error_rate_pct", [5]],
    ]);
    const values = async (days: number) => {
      const start = new Date(DAY0.getTime() - HOUR);
      const [v] = await computeRuntime(target, [{ start, end: new Date(start.getTime() + days * DAY) }], NOW);
      return ["response_p50_ms", "response_p99_ms", "memory_peak_pct", "error_rate_pct"].map(
        (k) => v?.[`runtime.${t.slug}.${k}`]?.value,
      );
    };
    const long = await values(MAX_CACHED_DAYS + 5);
    expect(long).toEqual(await values(3));
    expect(long[2]).toBe(70);
    expect(long[3]).toBe(3);
  });

  it("give a partial day over 12 hours as its day minus the hours outside, equal to reading its hours", async () => {
    const t = await createTestHealthTarget({ kind: "http", check: { url: "http://127.0.0.1:9/" } });
    const target = [{ id: t.id, slug: t.slug, name: t.name, kind: "http" }];
    const day = new Date("2026-03-05T00:00:00Z").getTime();
    // Hour h of the day: a response time of 10·(h + 1) ms, memory 90 at hour 0 and 40 + h after, errors h.
    await createRollups(
      t.id,
      new Date(day),
      Array.from({ length: 24 }, (_, h) => [
        [h, "response_time_ms", [10 * (h + 1)]] as [number, string, number[]],
        [h, "memory_pct", [h === 0 ? 90 : 40 + h]] as [number, string, number[]],
        [h, "error_rate_pct", [h]] as [number, string, number[]],
      ]).flat(),
    );
    const keys = ["response_p50_ms", "response_p95_ms", "response_p99_ms", "memory_peak_pct", "error_rate_pct"];
    // 01:00 to 01:00 the next day (a zone 1 hour east of UTC): hours 1–23 of the day, hour 0 left out.
    const values = async () => {
      const [v] = await computeRuntime(target, [{ start: new Date(day + HOUR), end: new Date(day + DAY + HOUR) }], NOW);
      return keys.map((k) => v?.[`runtime.${t.slug}.${k}`]?.value ?? null);
    };
    const subtracted = await values();
    // Nearest rank 12 of 20…240 ms is 130 (with hour 0's 10 ms it would be 120); peak memory 63, not
    // hour 0's 90; errors (1 + … + 23) / 23 = 12.
    expect(Math.abs(subtracted[0]! - 130)).toBeLessThan(1.5);
    expect(subtracted[3]).toBe(63);
    expect(subtracted[4]).toBe(12);
    // A pending mark in the day: its hours are read instead (no subtraction); the figures are the same.
    await db.healthRollupPending.create({
      data: { targetId: t.id, metric: "memory_pct", minute: new Date(day + 30 * 60_000) },
    });
    clearRuntimeCache();
    expect(await values()).toEqual(subtracted);
    // A day row that is not the merge of its hours (edited by hand: only hours 12–23 left in it): the
    // subtraction would leave a negative count (and a p50 of 190 ms), so the hours are read instead.
    await db.healthRollupPending.deleteMany({ where: { targetId: t.id } });
    const hours = await db.healthRollup.findMany({
      where: {
        targetId: t.id,
        metric: "response_time_ms",
        bucket: "hour",
        bucketStart: { gte: new Date(day + 12 * HOUR) },
      },
      select: { sketch: true },
    });
    await db.healthRollup.updateMany({
      where: { targetId: t.id, metric: "response_time_ms", bucket: "day" },
      data: { sketch: mergeSketches(hours.map((h) => h.sketch as unknown as Sketch)) as object },
    });
    await bumpRevisions(new Set([day]));
    clearRuntimeCache();
    expect(await values()).toEqual(subtracted);
  });

  it("count uptime as getUptime does, with cached days, pending marks, a target without rollups and maintenance", async () => {
    const a = await createTestHealthTarget({ kind: "http", check: { url: "http://127.0.0.1:9/" } });
    const b = await createTestHealthTarget({ kind: "http", check: { url: "http://127.0.0.1:9/" } });
    const ids = [a.id, b.id];
    const d0 = DAY0.getTime();
    // Target a: checks every few hours over three days (hour 5 of each day failed); b has none.
    await createRollups(
      a.id,
      DAY0,
      [0, 5, 9, 23, 24, 29, 40, 47, 48, 53, 70].map((h) => [h, "check", [10, 20], h % 24 === 5 ? 1 : 2]),
    );
    const windows = [
      [d0, d0 + 3 * DAY],
      [d0 - 5 * HOUR, d0 + 3 * DAY - 5 * HOUR],
      [d0 + 2 * HOUR, d0 + DAY + 2 * HOUR],
      [d0 + 7 * HOUR, d0 + 2 * DAY + 30 * 60_000],
    ].map(([s, e]) => ({ start: new Date(s!), end: new Date(e!) }));
    const same = async () => {
      for (const w of windows) {
        const direct = await getUptime(ids, w.start, w.end, NOW);
        const split = await windowUptime(ids, w, NOW);
        for (const id of ids)
          expect([split.get(id)?.checks, split.get(id)?.ok]).toEqual([direct.get(id)!.checks, direct.get(id)!.ok]);
      }
    };
    await same();
    expect((await windowUptime(ids, windows[0]!, NOW)).get(a.id)).toEqual({ checks: 22, ok: 19, pct: (19 / 22) * 100 });
    // A late sample's mark in the second day, then a maintenance window over part of the first.
    await db.healthRollupPending.create({
      data: { targetId: a.id, metric: "check", minute: new Date(d0 + 29 * HOUR) },
    });
    await same();
    await db.maintenanceWindow.create({
      data: { title: "upgrade", startsAt: new Date(d0 + 4 * HOUR), durationMinutes: 120, targetIds: [a.id] },
    });
    await same();
  });
});

describe("runtime uptime inside the raw retention", () => {
  it("counts partial days from hour rollups as getUptime and the raw samples do, until a late sample waits", async () => {
    const t = await createTestHealthTarget({ kind: "push", heartbeats: false });
    const ids = [t.id];
    const now = new Date(Math.floor(Date.now() / HOUR) * HOUR + 23 * MIN);
    const day = Math.floor(now.getTime() / DAY) * DAY - 3 * DAY; // three whole UTC days ago
    // A check every 17 minutes from 20:00 before that day until an hour ago; every 7th failed.
    const checks = Array.from(
      { length: Math.floor((now.getTime() - HOUR - (day - 4 * HOUR)) / (17 * MIN)) },
      (_, i) => ({
        at: new Date(day - 4 * HOUR + i * 17 * MIN),
        ok: i % 7 !== 0,
        durationMs: 5,
      }),
    );
    await recordObservations(t, { checks });
    await rollupPendingMinutes({ targetIds: ids, now, maxBatches: 1000 });
    const raw = (from: number, to: number) => {
      const inside = checks.filter((c) => c.at.getTime() >= from && c.at.getTime() < to);
      return { checks: inside.length, ok: inside.filter((c) => c.ok).length };
    };
    const windows = [
      [day - 2 * HOUR, day + DAY - 2 * HOUR], // 2 hours, then 22 (subtracted)
      [day + 5 * HOUR, day + 2 * DAY + 5 * HOUR], // 19 hours (subtracted), a whole day, 5 hours
      [day + 9 * HOUR, day + 2 * DAY], // 15 hours, a whole day
      [day + 15 * MIN, day + 2 * DAY + 3 * HOUR], // off the hour: getUptime counts that end
    ];
    const same = async () => {
      for (const [from, to] of windows) {
        const w = { start: new Date(from!), end: new Date(to!) };
        const split = (await windowUptime(ids, w, now)).get(t.id)!;
        const direct = (await getUptime(ids, w.start, w.end, now)).get(t.id)!;
        expect([split.checks, split.ok], `${w.start.toISOString()}…`).toEqual([direct.checks, direct.ok]);
        expect({ checks: split.checks, ok: split.ok }).toEqual(raw(from!, to!));
      }
    };
    await same();
    // A late sample in the first day: its partial days are counted by getUptime again, still equal.
    const late = { at: new Date(day + 30 * MIN + 1000), ok: false, durationMs: 5 };
    checks.push(late);
    await recordObservations(t, { checks: [late] });
    await same();
  });
});
