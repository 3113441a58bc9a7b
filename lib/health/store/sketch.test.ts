import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  exactPercentile,
  mergeSketches,
  mergeStats,
  percentilesOf,
  SKETCH_RELATIVE_ERROR,
  SketchSum,
  sketchQuantile,
  statsOf,
} from "./sketch";

const within = (reported: number, exact: number) =>
  Math.abs(reported - exact) <= SKETCH_RELATIVE_ERROR * Math.abs(exact) + 1e-12;

describe("exactPercentile (nearest rank)", () => {
  it.each([
    // 1..100: the k-th smallest with k = ⌈q·100⌉ → p50 = 50, p95 = 95, p99 = 99.
    [Array.from({ length: 100 }, (_, i) => i + 1), [50, 95, 99]],
    // [10, 20, 30, 40]: k = ⌈2⌉ = 2 → 20; ⌈3.8⌉ = 4 → 40; ⌈3.96⌉ = 4 → 40.
    [
      [40, 10, 30, 20],
      [20, 40, 40],
    ],
    [[7], [7, 7, 7]],
  ])("%j → p50/p95/p99 = %j", (values, expected) => {
    expect([0.5, 0.95, 0.99].map((q) => exactPercentile(values, q))).toEqual(expected);
  });
});

describe("sketch percentiles", () => {
  it("are within 1 % of the exact nearest-rank values (hand-checked case)", () => {
    // 1..1000 ms: exact p50 = 500, p95 = 950, p99 = 990.
    const stats = statsOf(Array.from({ length: 1000 }, (_, i) => i + 1));
    const { p50, p95, p99 } = percentilesOf(stats);
    expect(within(p50, 500) && within(p95, 950) && within(p99, 990)).toBe(true);
    expect(p50).not.toBe(500); // it is an approximation: the bucket's representative, not the value
    expect(stats).toMatchObject({ count: 1000, sum: 500_500, min: 1, max: 1000, okCount: null });
  });

  it("keeps zeros and negative values in order, and clamps to the exact min and max", () => {
    const stats = statsOf([-5, -1, 0, 0, 3]);
    expect(within(sketchQuantile(stats.sketch, 0.2, stats.min, stats.max), -5)).toBe(true); // rank 1
    expect(within(sketchQuantile(stats.sketch, 0.4, stats.min, stats.max), -1)).toBe(true); // rank 2
    expect(sketchQuantile(stats.sketch, 0.6, stats.min, stats.max)).toBe(0); // rank 3: zeros are exact
    expect(within(sketchQuantile(stats.sketch, 1, stats.min, stats.max), 3)).toBe(true);
    // One value: min = max, so the clamp makes every percentile exact.
    expect(percentilesOf(statsOf([123.4]))).toEqual({ p50: 123.4, p95: 123.4, p99: 123.4 });
  });

  it("is NaN for no data", () => {
    expect(percentilesOf(statsOf([])).p50).toBeNaN();
  });

  it("merged sketches answer like a sketch of all values, for any data and any split", () => {
    const value = fc.oneof(
      fc.constant(0),
      fc.double({ min: 1e-3, max: 1e7, noNaN: true }),
      fc.integer({ min: 0, max: 5000 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { minLength: 1, maxLength: 80 }), { minLength: 1, maxLength: 6 }),
        (parts) => {
          const all = parts.flat();
          const merged = mergeStats(parts.map((p) => statsOf(p)));
          expect(merged.count).toBe(all.length);
          expect(merged.min).toBe(Math.min(...all));
          expect(merged.max).toBe(Math.max(...all));
          expect(merged.sum).toBeCloseTo(
            all.reduce((a, b) => a + b, 0),
            3,
          );
          for (const q of [0.5, 0.95, 0.99]) {
            const reported = sketchQuantile(merged.sketch, q, merged.min, merged.max);
            const exact = exactPercentile(all, q);
            if (!within(reported, exact)) throw new Error(`q=${q}: reported ${reported}, exact ${exact}`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("counts successful checks", () => {
    expect(mergeStats([statsOf([1, 2], [true, false]), statsOf([3], [true])]).okCount).toBe(2);
  });
});

describe("SketchSum", () => {
  const sketchOf = (values: number[]) => statsOf(values).sketch;
  it("adds like mergeSketches and subtracts exactly, inside and outside its dense range", () => {
    // 1e-6 and 1e12 fall outside the dense bucket range, -5 is a negative value, 0 a zero.
    const a = sketchOf([0.000001, 3, 40, 40, 250, 1e12]);
    const b = sketchOf([-5, 0, 40, 7000]);
    const c = sketchOf([3, 99, 1e12]);
    const sum = new SketchSum();
    for (const s of [a, b, c]) sum.addSketch(s);
    sum.addSketch(c, -1);
    expect(sum.result()).toEqual(mergeSketches([a, b]));
    expect(sum.hasNegative()).toBe(false);
    sum.addSketch(c, -1); // 3 and 1e12 (inside and outside the dense range) now below zero
    expect(sum.hasNegative()).toBe(true);
  });

  it("starts from zero with a dense array another sum gave back", () => {
    const a = sketchOf([3, 40, 250]);
    const first = new SketchSum();
    first.addSketch(sketchOf([40, 40, 7000]));
    expect(first.result()).toEqual(sketchOf([40, 40, 7000]));
    first.release();
    const second = new SketchSum(); // takes the array first gave back
    second.addSketch(a);
    expect(second.result()).toEqual(a);
  });

  it("is null when nothing was added or everything cancelled", () => {
    expect(new SketchSum().result()).toBeNull();
    const s = sketchOf([1, 2, 3, -4, 0]);
    const sum = new SketchSum();
    sum.addSketch(s);
    sum.addSketch(s, -1);
    expect(sum.result()).toBeNull();
  });
});
