// Runtime KPIs from hand-made health samples and hourly rollups of one HTTP target.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addToSketch, emptySketch } from "@/lib/health/store/sketch";
import { createTestHealthTarget } from "@/lib/testing/factories";
import { computeRuntime } from "./runtime";

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
    const SOURCE = new Map<object, number[]>();
    const rollup = (hour: number, metric: string, values: number[]) => {
      const sketch = emptySketch();
      for (const v of values) addToSketch(sketch, v);
      const row = {
        targetId: t.id,
        metric,
        bucket: "hour" as const,
        bucketStart: new Date(from.getTime() + hour * 3_600_000),
        count: values.length,
        sum: values.reduce((a, b) => a + b, 0),
        min: Math.min(...values),
        max: Math.max(...values),
        p50: 0,
        p95: 0,
        p99: 0,
        sketch: { ...sketch },
      };
      SOURCE.set(row, values);
      return row;
    };
    const hours = [
      rollup(0, "response_time_ms", [100, 200]),
      rollup(1, "response_time_ms", [300, 400]),
      rollup(30, "response_time_ms", [9000]),
      rollup(0, "error_rate_pct", [1, 2]),
      rollup(1, "error_rate_pct", [3]),
      rollup(0, "memory_pct", [40, 70]),
      rollup(5, "memory_pct", [55]),
    ];
    // Day rollups as the rollup job leaves them: each (metric, UTC day) the merge of its hours.
    const dayOf = (d: Date) => Math.floor(d.getTime() / 86_400_000);
    const days = [...new Set(hours.map((h) => `${h.metric} ${dayOf(h.bucketStart)}`))].map((key) => {
      const [metric, day] = key.split(" ");
      const parts = hours.filter((h) => h.metric === metric && String(dayOf(h.bucketStart)) === day);
      const sketch = emptySketch();
      for (const v of parts.flatMap((h) => SOURCE.get(h) ?? [])) addToSketch(sketch, v);
      return {
        ...parts[0]!,
        bucket: "day" as const,
        bucketStart: new Date(Number(day) * 86_400_000),
        count: parts.reduce((a, h) => a + h.count, 0),
        sum: parts.reduce((a, h) => a + h.sum, 0),
        min: Math.min(...parts.map((h) => h.min)),
        max: Math.max(...parts.map((h) => h.max)),
        sketch: { ...sketch },
      };
    });
    await db.healthRollup.createMany({ data: [...hours, ...days] });
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
    const z = await valuesOf(new Date(from.getTime() - 2 * 3_600_000), new Date(to.getTime() + 6 * 3_600_000));
    expect(z("memory_peak_pct")).toBe(99);
    expect(z("response_p99_ms")).toBeCloseTo(400, -1);
  });
});
