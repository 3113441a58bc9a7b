/**
 * Rollup statistics with mergeable percentiles.
 *
 * Percentile method: every value falls into a fixed logarithmic bucket (γ^(i−1), γ^i] with
 * γ = (1 + α)/(1 − α) and α = 1 % (the DDSketch construction); zero has its own bucket and negative
 * values mirror the positive ones. The buckets are the same for every rollup, so an hour is the
 * sum of its minutes and a day the sum of its hours. pX is the nearest-rank percentile (the k-th
 * smallest value, k = ⌈X/100 · n⌉): we find the bucket holding rank k and report 2γ^i/(γ + 1),
 * clamped to the exact [min, max]. Every value in that bucket is within α of it, so the reported
 * pX is within 1 % (relative) of the exact nearest-rank pX of the raw samples; count, sum, min and
 * max are exact.
 */
export const SKETCH_RELATIVE_ERROR = 0.01;
const GAMMA = (1 + SKETCH_RELATIVE_ERROR) / (1 - SKETCH_RELATIVE_ERROR);
const LOG_GAMMA = Math.log(GAMMA);

/** Bucket index → count; `z` counts exact zeros, `n` negative values by their magnitude's bucket. */
export interface Sketch {
  z: number;
  p: Record<string, number>;
  n: Record<string, number>;
}

export interface RollupStats {
  count: number;
  sum: number;
  min: number;
  max: number;
  /** Successful checks among `count` (metric "check" only). */
  okCount: number | null;
  sketch: Sketch;
}

export const emptySketch = (): Sketch => ({ z: 0, p: {}, n: {} });

/** 1-based rank of the nearest-rank q-quantile among n values (tolerates q·n landing a hair above an integer). */
const nearestRank = (q: number, n: number) => Math.min(n, Math.max(1, Math.ceil(q * n - 1e-9)));
const bucketIndex = (magnitude: number) => Math.ceil(Math.log(magnitude) / LOG_GAMMA);
const representative = (index: number) => (2 * GAMMA ** index) / (GAMMA + 1);

function addTo(map: Record<string, number>, key: number, count: number): void {
  map[key] = (map[key] ?? 0) + count;
}

export function addToSketch(sketch: Sketch, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`cannot add ${value} to a sketch`);
  if (value === 0) sketch.z += 1;
  else addTo(value > 0 ? sketch.p : sketch.n, bucketIndex(Math.abs(value)), 1);
}

/**
 * Bucket-wise sum. `for … in` over the stored keys as they are: the Metrics page merges a month of
 * daily sketches for every target (30,000 of ~90 buckets at 1,000 targets), and going through
 * Object.entries and back from numbers took 1.5–1.9 times as long.
 */
export function mergeSketches(sketches: readonly Sketch[]): Sketch {
  const out = emptySketch();
  for (const s of sketches) {
    out.z += s.z;
    for (const k in s.p) out.p[k] = (out.p[k] ?? 0) + s.p[k]!;
    for (const k in s.n) out.n[k] = (out.n[k] ?? 0) + s.n[k]!;
  }
  return out;
}

/** Nearest-rank quantile (0 < q ≤ 1) from the sketch, clamped to [min, max]; NaN for an empty sketch. */
export function sketchQuantile(sketch: Sketch, q: number, min: number, max: number): number {
  const entries = (m: Record<string, number>) => Object.entries(m).map(([k, c]) => [Number(k), c] as const);
  // Ascending by value: negatives from the largest magnitude down, then zero, then positives up.
  const ordered: Array<readonly [number, number]> = [
    ...entries(sketch.n)
      .sort((a, b) => b[0] - a[0])
      .map(([k, c]) => [-representative(k), c] as const),
    [0, sketch.z] as const,
    ...entries(sketch.p)
      .sort((a, b) => a[0] - b[0])
      .map(([k, c]) => [representative(k), c] as const),
  ];
  const total = ordered.reduce((acc, [, c]) => acc + c, 0);
  if (total === 0) return NaN;
  const rank = nearestRank(q, total);
  let seen = 0;
  for (const [value, count] of ordered) {
    seen += count;
    if (seen >= rank) return Math.min(max, Math.max(min, value));
  }
  return max;
}

/** Exact count/sum/min/max and a sketch of `values`; `oks` (checks only) gives okCount. */
export function statsOf(values: readonly number[], oks?: readonly boolean[]): RollupStats {
  const sketch = emptySketch();
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    addToSketch(sketch, v);
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return { count: values.length, sum, min, max, okCount: oks ? oks.filter(Boolean).length : null, sketch };
}

export function mergeStats(parts: readonly RollupStats[]): RollupStats {
  const hasOk = parts.some((p) => p.okCount !== null);
  return {
    count: parts.reduce((a, p) => a + p.count, 0),
    sum: parts.reduce((a, p) => a + p.sum, 0),
    min: Math.min(...parts.map((p) => p.min)),
    max: Math.max(...parts.map((p) => p.max)),
    okCount: hasOk ? parts.reduce((a, p) => a + (p.okCount ?? 0), 0) : null,
    sketch: mergeSketches(parts.map((p) => p.sketch)),
  };
}

export function percentilesOf(stats: RollupStats): { p50: number; p95: number; p99: number } {
  const q = (x: number) => sketchQuantile(stats.sketch, x, stats.min, stats.max);
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99) };
}

/** The exact nearest-rank percentile of raw values (what the sketch approximates). */
export function exactPercentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[nearestRank(q, sorted.length) - 1]!;
}

/** Bucket indexes a SketchSum keeps in its dense array: response times from ~0.0001 ms to ~10⁹ ms. */
const DENSE_LOW = -512;
const DENSE_SIZE = 2048;

/**
 * A running bucket-wise sum of many sketches, some possibly subtracted (a partial day as its day minus
 * the hours outside it; counts are whole numbers, so the difference is exact). Positive buckets inside
 * the dense range go to a typed array, the rest to a plain sketch: merging a month of daily sketches
 * for 1,000 targets is then array arithmetic instead of property lookups.
 */
/**
 * Dense arrays given back by SketchSum.release(), zeroed, for the next sums: a window's merge for 1,000
 * targets otherwise allocates 16 MB of them, and their garbage collection cost as much as the adding.
 */
const freeDense: Float64Array[] = [];
const MAX_FREE_DENSE = 1024;

export class SketchSum {
  private dense: Float64Array | null = null;
  private readonly rest = emptySketch();
  private used = false;

  add(keys: ArrayLike<number>, counts: ArrayLike<number>, from: number, to: number, sign: 1 | -1 = 1): void {
    this.used = true;
    for (let i = from; i < to; i++) {
      const slot = keys[i]! - DENSE_LOW;
      if (slot >= 0 && slot < DENSE_SIZE)
        (this.dense ??= freeDense.pop() ?? new Float64Array(DENSE_SIZE))[slot]! += sign * counts[i]!;
      else this.rest.p[keys[i]!] = (this.rest.p[keys[i]!] ?? 0) + sign * counts[i]!;
    }
  }

  addNegatives(keys: ArrayLike<number>, counts: ArrayLike<number>, from: number, to: number, sign: 1 | -1 = 1): void {
    this.used = true;
    for (let i = from; i < to; i++) this.rest.n[keys[i]!] = (this.rest.n[keys[i]!] ?? 0) + sign * counts[i]!;
  }

  addZeros(count: number, sign: 1 | -1 = 1): void {
    this.used = true;
    this.rest.z += sign * count;
  }

  addSketch(s: Sketch, sign: 1 | -1 = 1): void {
    this.addZeros(s.z, sign);
    const keys = Object.keys(s.p);
    this.add(
      keys.map(Number),
      keys.map((k) => s.p[k]!),
      0,
      keys.length,
      sign,
    );
    for (const k in s.n) this.rest.n[k] = (this.rest.n[k] ?? 0) + sign * s.n[k]!;
  }

  /** Whether any bucket (or the zeros) is below zero: a subtraction took away more than was added. */
  hasNegative(): boolean {
    if (this.rest.z < 0) return true;
    if (this.dense) for (let slot = 0; slot < DENSE_SIZE; slot++) if (this.dense[slot]! < 0) return true;
    for (const side of ["p", "n"] as const) for (const k in this.rest[side]) if (this.rest[side][k]! < 0) return true;
    return false;
  }

  /** Gives the dense array back for other sums: call after the last result(), which no longer holds it. */
  release(): void {
    if (!this.dense) return;
    if (freeDense.length < MAX_FREE_DENSE) freeDense.push(this.dense.fill(0));
    this.dense = null;
  }

  /** The sum as a sketch without empty buckets; null when nothing was added or every count cancelled. */
  result(): Sketch | null {
    if (!this.used) return null;
    const out = emptySketch();
    out.z = this.rest.z;
    let total = out.z;
    if (this.dense)
      for (let slot = 0; slot < DENSE_SIZE; slot++)
        if (this.dense[slot] !== 0) {
          out.p[slot + DENSE_LOW] = this.dense[slot]!;
          total += this.dense[slot]!;
        }
    for (const side of ["p", "n"] as const)
      for (const k in this.rest[side])
        if (this.rest[side][k] !== 0) {
          out[side][k] = (out[side][k] ?? 0) + this.rest[side][k]!;
          total += this.rest[side][k]!;
        }
    return total === 0 ? null : out;
  }
}
