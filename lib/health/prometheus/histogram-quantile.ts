/**
 * `histogram_quantile` as Prometheus computes it (promql/quantile.go, classic histograms):
 * find the bucket holding rank q·count and interpolate linearly inside it, assuming observations
 * are spread evenly across the bucket. The answer is therefore only known to lie within that
 * bucket: the error is at most the bucket's width (upper − lower bound). A rank that lands in the
 * +Inf bucket returns the highest finite bound (an underestimate with no error bound).
 */
export interface Bucket {
  upperBound: number; // the `le` label
  count: number; // cumulative count of observations ≤ upperBound
}

export function histogramQuantile(q: number, input: readonly Bucket[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const buckets = input.map((b) => ({ ...b })).sort((a, b) => a.upperBound - b.upperBound);
  if (buckets.length < 2 || buckets.at(-1)!.upperBound !== Infinity) return NaN;
  // Counter resets or scrape races can make cumulative counts dip; Prometheus flattens them.
  let max = 0;
  for (const b of buckets) b.count = max = Math.max(max, b.count);
  const total = buckets.at(-1)!.count;
  if (total === 0) return NaN;
  let rank = q * total;
  let i = buckets.findIndex((b, idx) => idx < buckets.length - 1 && b.count >= rank);
  if (i === -1) i = buckets.length - 1;
  if (i === buckets.length - 1) return buckets[buckets.length - 2]!.upperBound;
  const bucket = buckets[i]!;
  if (i === 0 && bucket.upperBound <= 0) return bucket.upperBound;
  let lower = 0;
  let count = bucket.count;
  if (i > 0) {
    const prev = buckets[i - 1]!;
    lower = prev.upperBound;
    count -= prev.count;
    rank -= prev.count;
  }
  return count === 0 ? lower : lower + (bucket.upperBound - lower) * (rank / count);
}
