// Runtime KPIs from hand-made health samples and hourly rollups of one HTTP target.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addToSketch, emptySketch } from "@/lib/health/sketch";
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
    const rollup = (hour: number, metric: string, values: number[]) => {
      const sketch = emptySketch();
      for (const v of values) addToSketch(sketch, v);
      return {
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
    };
    await db.healthRollup.createMany({
      data: [
        rollup(0, "response_time_ms", [100, 200]),
        rollup(1, "response_time_ms", [300, 400]),
        rollup(30, "response_time_ms", [9000]),
        rollup(0, "error_rate_pct", [1, 2]),
        rollup(1, "error_rate_pct", [3]),
        rollup(0, "memory_pct", [40, 70]),
        rollup(5, "memory_pct", [55]),
      ],
    });
    const [values] = await computeRuntime(
      [{ id: t.id, slug: t.slug, name: t.name, kind: "http" }],
      [{ start: from, end: to }],
      NOW,
    );
    const v = (k: string) => values?.[`runtime.${t.slug}.${k}`]?.value;
    expect(v("uptime_pct")).toBe(75);
    expect(v("response_p50_ms")).toBeCloseTo(200, -1); // nearest rank 2 of 100·200·300·400, ±1 %
    expect(v("response_p99_ms")).toBeCloseTo(400, -1);
    expect(v("error_rate_pct")).toBe(2); // (1 + 2 + 3) / 3
    expect(v("throughput_rps")).toBeNull();
    expect(v("memory_peak_pct")).toBe(70);
  });
});
