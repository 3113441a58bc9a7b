// Runtime KPIs from hand-made health samples and hourly rollups of one HTTP target.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestHealthTarget } from "@/lib/testing/factories";
import { bumpRevisions } from "@/lib/health/store/rollups";
import { createRollups } from "../fixtures";
import { computeRuntime, FLEET_PREFIX } from ".";
import { computeRuntimeTrend, RUNTIME_TREND_IDS } from "./trend";

const NOW = new Date("2026-03-20T00:00:00Z");

describe("runtime KPIs", () => {
  it("uptime, percentiles, error rate, throughput and peak memory of a window", async () => {
    const t = await createTestHealthTarget({ kind: "http", check: { url: "http://127.0.0.1:9/" } });
    const from = new Date("2026-03-10T00:00:00Z");
    const to = new Date("2026-03-11T00:00:00Z");
    // 4 checks in the window, 3 ok → 75 %; one outside.
    await db.healthSample.createMany({
      data: [0, 1, 2, 3, 30].map((h, i) => ({
        targetId: t.id,
        at: new Date(from.getTime() + h * 3_600_000),
        metric: "check",
        value: 10,
        ok: i !== 1,
      })),
    });
    await createRollups(t.id, from, [
      [0, "response_time_ms", [100, 200]],
      [1, "response_time_ms", [300, 400]],
      [30, "response_time_ms", [9000]],
      [0, "error_rate_pct", [1, 2]],
      [1, "error_rate_pct", [3]],
      [25, "error_rate_pct", [10]],
      [0, "memory_pct", [40, 70]],
      [5, "memory_pct", [55]],
    ]);
    const target = [{ id: t.id, slug: t.slug, name: t.name, kind: "http" }];
    const valuesOf = async (start: Date, end: Date) => {
      const [values] = await computeRuntime(target, [{ start, end }], NOW);
      return (k: string) => values?.[`runtime.${t.slug}.${k}`]?.value;
    };
    // The whole UTC day: read from its day rollups.
    const v = await valuesOf(from, to);
    expect(v("uptime_pct")).toBe(75);
    expect(v("response_p50_ms")).toBeCloseTo(200, -1); // nearest rank 2 of 100·200·300·400, ±1 %
    expect(v("response_p99_ms")).toBeCloseTo(400, -1);
    expect(v("error_rate_pct")).toBe(2); // (1 + 2 + 3) / 3
    expect(v("throughput_rps")).toBeNull();
    expect(v("memory_peak_pct")).toBe(70);
    // Two hours either side of midnight (no whole day inside): hours 0 and 1 of the day from hour rollups.
    const h = await valuesOf(new Date(from.getTime() - 2 * 3_600_000), new Date(from.getTime() + 2 * 3_600_000));
    expect(h("response_p99_ms")).toBeCloseTo(400, -1);
    expect(h("error_rate_pct")).toBe(2);
    expect(h("memory_peak_pct")).toBe(70);
    // 22:00 the day before to 06:00 the day after (a zone's midnight-to-midnight): the whole day from its
    // day rollup plus hours 24–29 from hour rollups; hour 30 (9000 ms) is outside.
    await db.healthRollup.updateMany({
      where: { targetId: t.id, metric: "memory_pct", bucket: "day" },
      data: { max: 99 }, // only the day row says 99: seen only if the day row is read
    });
    await bumpRevisions(new Set([from.getTime()])); // as a rollup run that rewrote the day would
    const z = await valuesOf(new Date(from.getTime() - 2 * 3_600_000), new Date(to.getTime() + 6 * 3_600_000));
    expect(z("memory_peak_pct")).toBe(99);
    expect(z("response_p99_ms")).toBeCloseTo(400, -1);
    // (1 + 2 + 3 + 10) / 4: the day once and hour 25 once. Reading the day's hours beside its day row
    // would give 22 / 7, and the day row alone (no hours) 2.
    expect(z("error_rate_pct")).toBe(4);
  });
});

describe("fleet runtime KPIs and the 12-month trend", () => {
  // Rollups only: the days lie before the raw retention, as the trend's older months.
  const DAY0 = new Date("2026-02-10T00:00:00Z");

  it("merges every target's checks and HTTP response times; Prometheus percentiles stay out", async () => {
    const a = await createTestHealthTarget({ kind: "http", check: { url: "http://127.0.0.1:9/" } });
    const b = await createTestHealthTarget({ kind: "prometheus", url: "http://127.0.0.1:9/metrics" });
    // A check is one value per check (1 = ok); okCount as the rollup job counts it.
    await createRollups(a.id, DAY0, [
      [0, "check", Array(10).fill(1), 9],
      [5, "check", Array(10).fill(1), 10],
      [-1, "check", Array(4).fill(0), 0], // 23:00 the day before: only in the zone-shifted window below
      [31, "check", Array(6).fill(0), 0], // 07:00 the day after: outside both windows
      [0, "response_time_ms", [100, 200]],
      [1, "response_time_ms", [300, 400]],
      [0, "error_rate_pct", [1, 2]],
      [0, "throughput_rps", [10, 20]],
      [0, "memory_pct", [40, 70]],
    ]);
    await createRollups(b.id, DAY0, [
      [0, "check", Array(20).fill(1), 10],
      [0, "response_time_ms", [5000]],
      [0, "error_rate_pct", [3]],
      [0, "throughput_rps", [5]],
      [2, "memory_pct", [90]],
    ]);
    const targets = [a, b].map((t) => ({ id: t.id, slug: t.slug, name: t.name, kind: t.kind }));
    const day = { start: new Date("2026-02-10T00:00:00Z"), end: new Date("2026-02-11T00:00:00Z") };
    const shifted = { start: new Date("2026-02-09T22:00:00Z"), end: new Date("2026-02-11T06:00:00Z") };
    const [v, s] = await computeRuntime(targets, [day, shifted], NOW);
    const f = (values: typeof v, k: string) => values?.[`${FLEET_PREFIX}${k}`]?.value;
    expect(f(v, "uptime_pct")).toBe(72.5); // (9 + 10 + 10) ÷ (10 + 10 + 20)
    expect(f(v, "response_p50_ms")).toBeCloseTo(200, -1); // rank 2 of A's 100·200·300·400; B's 5000 left out
    expect(f(v, "response_p99_ms")).toBeCloseTo(400, -1);
    expect(f(v, "error_rate_pct")).toBe(2); // (1 + 2 + 3) ÷ 3
    expect(f(v, "throughput_rps")).toBe(20); // A's mean 15 + B's 5
    expect(f(v, "memory_peak_pct")).toBe(90);
    expect(v?.[`runtime.${a.slug}.uptime_pct`]?.value).toBe(95);
    expect(f(s, "uptime_pct")).toBeCloseTo((29 / 44) * 100, 9); // + 23:00's 4 failed checks

    // The trend reads such months in one grouped query: the same figures.
    const trend = await computeRuntimeTrend(targets, [day, shifted], new Set(), NOW);
    for (const [i, exact] of [v, s].entries())
      for (const id of RUNTIME_TREND_IDS)
        expect(trend[i]?.[id]?.value, `${id} of window ${i}`).toBe(exact?.[id]?.value);
    expect(trend[0]?.[`${FLEET_PREFIX}uptime_pct`]?.value).toBe(72.5);
    // Skipped windows (the page computes them itself) are left empty.
    expect(await computeRuntimeTrend(targets, [day], new Set([0]), NOW)).toEqual([{}]);
  });
});
