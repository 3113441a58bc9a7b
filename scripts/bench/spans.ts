// Time spans for bench:sync: when requests to GitHub and page transactions were in flight, and
// where the backfill's wall clock went while no request was (start-up, the gaps between requests,
// the tail after the last answer). Overlapping spans always count once (their union).

export type Span = [number, number];
export type LabelledSpan = { from: number; to: number; label: string };

/** Milliseconds of [from, to] covered by at least one span (overlapping spans counted once). */
export function coveredMs(spans: Span[], from: number, to: number): number {
  let total = 0;
  let reach = from;
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    const start = Math.max(a, reach);
    const end = Math.min(b, to);
    if (end > start) total += end - start;
    reach = Math.max(reach, b);
  }
  return total;
}

/** The parts of [from, to] that no span covers, in order. */
export function gaps(spans: Span[], from: number, to: number): Span[] {
  const out: Span[] = [];
  let reach = from;
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    if (a > reach && reach < to) out.push([reach, Math.min(a, to)]);
    reach = Math.max(reach, b);
  }
  if (reach < to) out.push([reach, to]);
  return out;
}

export interface IdleBreakdown {
  /** Before the first request went out. */
  startMs: number;
  /** After the last answer arrived. */
  tailMs: number;
  /** Between requests, and how much of that a page transaction was running. */
  betweenMs: number;
  betweenCount: number;
  betweenWritingMs: number;
  /** The longest gaps between requests: where they started (ms after the backfill began) and what followed. */
  longest: { atMs: number; ms: number; next: string }[];
}

/** Where the wall time with no request in flight went. */
export function idleBreakdown(
  requests: LabelledSpan[],
  writes: Span[],
  from: number,
  to: number,
  longest = 5,
): IdleBreakdown {
  const spans = requests.map((r): Span => [r.from, r.to]);
  const all = gaps(spans, from, to);
  const first = Math.min(...spans.map((s) => s[0]));
  const last = Math.max(...spans.map((s) => s[1]));
  const inner = all.filter(([a, b]) => a >= first && b <= last);
  const next = (at: number) => requests.find((r) => r.from >= at)?.label ?? "";
  return {
    startMs: first - from,
    tailMs: to - last,
    betweenMs: inner.reduce((n, [a, b]) => n + b - a, 0),
    betweenCount: inner.length,
    betweenWritingMs: inner.reduce((n, [a, b]) => n + coveredMs(writes, a, b), 0),
    longest: [...inner]
      .sort((x, y) => y[1] - y[0] - (x[1] - x[0]))
      .slice(0, longest)
      .map(([a, b]) => ({ atMs: a - from, ms: b - a, next: next(b) })),
  };
}
