/**
 * KPIs from two scrapes of a target's /metrics (Prometheus text format).
 *
 * Default metric names (a target can override each, see KpiMappingInput in schemas.ts):
 *   http_requests_total{code|status}       counter   → throughput (req/s) and error rate (% of 5xx)
 *   http_request_duration_seconds           histogram → latency p50/p95/p99 in ms (`_bucket{le}`)
 *   process_resident_memory_bytes           gauge     → memory % of the configured memoryLimitBytes
 *   circuit_breaker_state{name}             gauge     → 0 closed, 1 open, 2 half-open
 *     (or one-hot `…{name,state="open"} 1` when `stateLabel` is set, as resilience4j exports it)
 *
 * Rates are increases between the two scrapes over their wall-clock distance. A counter that went
 * down was reset (process restart), so its current value is the increase since then — as in
 * Prometheus `rate()`. A series missing from the previous scrape counts from 0 (prom-client
 * creates labelled series on first use, so a new `code="500"` series is new errors).
 * Percentiles use histogram_quantile's linear interpolation within a bucket: the true value lies
 * in the same bucket, so the error is at most that bucket's width (e.g. a p95 reported as 180 ms
 * from the 100–250 ms bucket is really somewhere in 100–250 ms); beyond the largest finite bucket
 * the result is clamped to it. No previous scrape or no traffic → the rate KPIs are undefined.
 */
import { histogramQuantile, type Bucket } from "./histogram-quantile";
import { parsePrometheusText, parseValue, type Sample } from "./prometheus-parser";
import type { KpiMappingOverrides } from "../schemas";

export { parsePrometheusText, PrometheusParseError, type MetricFamily, type Sample } from "./prometheus-parser";

export type BreakerState = "closed" | "open" | "half-open";

export interface Scrape {
  takenAtMs: number;
  samples: Sample[];
}

export interface KpiMapping {
  requests: { metric: string; statusLabels: string[]; errorStatusPrefixes: string[]; match: Record<string, string> };
  latency: { metric: string; unit: "seconds" | "milliseconds"; match: Record<string, string> };
  memory: { metric: string };
  memoryLimitBytes?: number;
  breakers: {
    metric: string;
    nameLabel: string;
    stateLabel?: string;
    values: { closed: number; open: number; halfOpen: number };
  };
}

export interface Kpis {
  throughputRps?: number;
  errorRatePct?: number;
  latencyMs: { p50?: number; p95?: number; p99?: number };
  memoryPct?: number;
  breakers: Record<string, BreakerState>;
}

export const DEFAULT_KPI_MAPPING: KpiMapping = {
  requests: { metric: "http_requests_total", statusLabels: ["code", "status"], errorStatusPrefixes: ["5"], match: {} },
  latency: { metric: "http_request_duration_seconds", unit: "seconds", match: {} },
  memory: { metric: "process_resident_memory_bytes" },
  breakers: { metric: "circuit_breaker_state", nameLabel: "name", values: { closed: 0, open: 1, halfOpen: 2 } },
};

export function resolveKpiMapping(overrides: KpiMappingOverrides = {}): KpiMapping {
  const d = DEFAULT_KPI_MAPPING;
  return {
    requests: { ...d.requests, ...overrides.requests },
    latency: { ...d.latency, ...overrides.latency },
    memory: { ...d.memory, ...overrides.memory },
    memoryLimitBytes: overrides.memoryLimitBytes,
    breakers: { ...d.breakers, ...overrides.breakers, values: { ...d.breakers.values, ...overrides.breakers?.values } },
  };
}

export function createScrape(text: string, takenAtMs: number): Scrape {
  return { takenAtMs, samples: parsePrometheusText(text).flatMap((f) => f.samples) };
}

const seriesKey = (s: Sample) =>
  `${s.name}${JSON.stringify(Object.entries(s.labels).sort(([a], [b]) => (a < b ? -1 : 1)))}`;
const matches = (s: Sample, name: string, match: Record<string, string>) =>
  s.name === name && Object.entries(match).every(([k, v]) => s.labels[k] === v);

/** Per-series increase between scrapes, with counter-reset handling. */
function increases(prev: Scrape, curr: Scrape, name: string, match: Record<string, string>): Array<[Sample, number]> {
  const before = new Map(prev.samples.filter((s) => matches(s, name, match)).map((s) => [seriesKey(s), s.value]));
  return curr.samples
    .filter((s) => matches(s, name, match))
    .map((s) => {
      const old = before.get(seriesKey(s)) ?? 0;
      return [s, s.value >= old ? s.value - old : s.value];
    });
}

function requestKpis(
  prev: Scrape,
  curr: Scrape,
  m: KpiMapping["requests"],
  seconds: number,
): Pick<Kpis, "throughputRps" | "errorRatePct"> {
  let total = 0;
  let errors = 0;
  for (const [s, inc] of increases(prev, curr, m.metric, m.match)) {
    total += inc;
    const code = m.statusLabels.map((l) => s.labels[l]).find((v) => v !== undefined);
    if (code !== undefined && m.errorStatusPrefixes.some((p) => code.startsWith(p))) errors += inc;
  }
  return { throughputRps: total / seconds, errorRatePct: total > 0 ? (errors / total) * 100 : undefined };
}

function latencyKpis(prev: Scrape, curr: Scrape, m: KpiMapping["latency"]): Kpis["latencyMs"] {
  const byLe = new Map<number, number>(); // summed over all other labels, like sum by (le)
  for (const [s, inc] of increases(prev, curr, `${m.metric}_bucket`, m.match)) {
    const le = parseValue(s.labels.le ?? "");
    if (le !== undefined) byLe.set(le, (byLe.get(le) ?? 0) + inc);
  }
  const buckets: Bucket[] = [...byLe].map(([upperBound, count]) => ({ upperBound, count }));
  const toMs = m.unit === "seconds" ? 1000 : 1;
  const q = (p: number) => {
    const v = histogramQuantile(p, buckets);
    return Number.isFinite(v) ? v * toMs : undefined;
  };
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99) };
}

function breakerStates(curr: Scrape, m: KpiMapping["breakers"]): Record<string, BreakerState> {
  const out: Record<string, BreakerState> = {};
  for (const s of curr.samples.filter((x) => x.name === m.metric)) {
    const name = s.labels[m.nameLabel] ?? "default";
    if (m.stateLabel !== undefined) {
      const state = (s.labels[m.stateLabel] ?? "").toLowerCase().replace("_", "-");
      if (s.value === 1 && (state === "closed" || state === "open" || state === "half-open")) out[name] = state;
      if (s.value === 1 && state === "forced-open") out[name] = "open";
      continue;
    }
    const found = (Object.entries(m.values) as Array<[keyof KpiMapping["breakers"]["values"], number]>).find(
      ([, v]) => v === s.value,
    );
    if (found) out[name] = found[0] === "halfOpen" ? "half-open" : found[0];
  }
  return out;
}

/** KPIs between `prev` and `curr`; without `prev` only the gauges (memory, breakers) are known. */
export function deriveKpis(prev: Scrape | undefined, curr: Scrape, overrides: KpiMappingOverrides = {}): Kpis {
  const m = resolveKpiMapping(overrides);
  const memory = curr.samples.filter((s) => s.name === m.memory.metric).map((s) => s.value);
  const kpis: Kpis = {
    latencyMs: {},
    memoryPct: memory.length > 0 && m.memoryLimitBytes ? (Math.max(...memory) / m.memoryLimitBytes) * 100 : undefined,
    breakers: breakerStates(curr, m.breakers),
  };
  const seconds = prev ? (curr.takenAtMs - prev.takenAtMs) / 1000 : 0;
  if (!prev || seconds <= 0) return kpis;
  return { ...kpis, ...requestKpis(prev, curr, m.requests, seconds), latencyMs: latencyKpis(prev, curr, m.latency) };
}
