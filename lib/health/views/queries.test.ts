import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestHealthTarget } from "@/lib/testing/factories";
import { getHealthOverview, getTargetSeries, listAlertEvents } from "./queries";
import { recordObservations } from "../store/record";
import { rollupPendingMinutes } from "../store/rollups";

const record = (target: { id: string; name: string }, obs: Parameters<typeof recordObservations>[1]) =>
  recordObservations({ ...target, thresholds: null, breachesToChange: 1 }, obs);

describe("getHealthOverview", () => {
  it("gives each target its worst level, last check and 24-hour uptime", async () => {
    const now = new Date();
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    const target = await createTestHealthTarget({ kind: "push", breachesToChange: 1 });
    const fresh = await createTestHealthTarget({ kind: "push" });
    const paused = await createTestHealthTarget({ kind: "push", enabled: false });
    // 3 checks in the last day, 2 ok → 66.7 %; one 25 hours ago is outside the window.
    await record(target, {
      checks: [
        { at: new Date(now.getTime() - 25 * 3_600_000), ok: false, durationMs: 0 },
        { at: ago(30), ok: true, durationMs: 0 },
        { at: ago(20), ok: false, durationMs: 0, failure: { kind: "heartbeat-down", message: "down" } },
        { at: ago(10), ok: true, durationMs: 0 },
      ],
      metrics: [{ at: ago(5), metric: "memory_pct", value: 92 }], // > 90 → warning (breachesToChange 1)
    });
    const overview = await getHealthOverview(now);
    const row = overview.targets.find((t) => t.id === target.id)!;
    // "up" recovered at the last check (ok); memory is warning → the target is warning.
    expect(row.status).toBe("warning");
    expect(row.kpis.map((k) => `${k.kpi}:${k.level}`)).toEqual(["memory_pct:warning", "up:ok"]);
    expect(row.lastCheck).toMatchObject({ at: ago(10), ok: true });
    expect(row.uptime24h.checks).toBe(3);
    expect(row.uptime24h.pct).toBeCloseTo((2 / 3) * 100, 10);
    expect(overview.targets.find((t) => t.id === fresh.id)).toMatchObject({
      status: "pending",
      lastCheck: null,
      uptime24h: { checks: 0, pct: null },
    });
    expect(overview.targets.find((t) => t.id === paused.id)?.status).toBe("disabled");
    expect(overview.counts.warning).toBeGreaterThanOrEqual(1);
  });
});

describe("getTargetSeries", () => {
  it("reads raw samples for the last hour and rollups for longer ranges", async () => {
    const target = await createTestHealthTarget({ kind: "push" });
    const now = new Date();
    const at = (minutes: number) => new Date(Math.floor(now.getTime() / 60_000) * 60_000 - minutes * 60_000 + 1000);
    await record(target, {
      metrics: [
        { at: at(3), metric: "response_time_ms", value: 100 },
        { at: at(3), metric: "response_time_ms", value: 300 },
        { at: at(90), metric: "response_time_ms", value: 50 },
      ],
    });
    const hour = await getTargetSeries(target.id, "1h", now);
    expect(hour.resolution).toBe("raw");
    expect(hour.metrics.response_time_ms?.map((p) => p.max)).toEqual([100, 300]); // the 90-minute-old one is outside

    await rollupPendingMinutes({ targetIds: [target.id] });
    const day = await getTargetSeries(target.id, "24h", now);
    expect(day.resolution).toBe("minute");
    // Two minute buckets: 90 minutes ago (50) and 3 minutes ago (100 and 300 → avg 200).
    expect(day.metrics.response_time_ms?.map((p) => [p.at.getTime(), p.count, p.avg, p.min, p.max])).toEqual([
      [at(90).getTime() - 1000, 1, 50, 50, 50],
      [at(3).getTime() - 1000, 2, 200, 100, 300],
    ]);
    const week = await getTargetSeries(target.id, "7d", now);
    expect(week.resolution).toBe("hour");
    expect(week.metrics.response_time_ms?.reduce((n, p) => n + p.count, 0)).toBe(3);
  });
});

describe("listAlertEvents", () => {
  it("lists a target's events newest first", async () => {
    const target = await createTestHealthTarget({ kind: "push", breachesToChange: 1 });
    const t0 = Date.now() - 60_000;
    await record(target, {
      checks: [
        { at: new Date(t0 - 1000), ok: true, durationMs: 0 }, // the first check sets the level: ok
        { at: new Date(t0), ok: false, durationMs: 0 },
        { at: new Date(t0 + 1000), ok: true, durationMs: 0 },
      ],
    });
    const events = await listAlertEvents({ targetId: target.id });
    expect(events.map((e) => `${e.kpi} ${e.from}→${e.to} ${e.at.getTime() - t0}`)).toEqual([
      "up critical→ok 1000",
      "up ok→critical 0",
    ]);
    expect(await listAlertEvents({ targetId: target.id, since: new Date(t0 + 500) })).toHaveLength(1);
    expect(await db.alertEvent.count({ where: { targetId: target.id } })).toBe(2);
  });
});
