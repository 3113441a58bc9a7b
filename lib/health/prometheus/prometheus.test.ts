import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { createScrape, deriveKpis, resolveKpiMapping, DEFAULT_KPI_MAPPING } from "./prometheus";

const GiB = 1024 ** 3;

async function promClientScrapes() {
  const registry = new Registry();
  const requests = new Counter({
    name: "http_requests_total",
    help: "Requests",
    labelNames: ["method", "code"],
    registers: [registry],
  });
  const latency = new Histogram({
    name: "http_request_duration_seconds",
    help: "Latency",
    labelNames: ["route"],
    buckets: [0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const memory = new Gauge({ name: "process_resident_memory_bytes", help: "RSS", registers: [registry] });
  const breaker = new Gauge({
    name: "circuit_breaker_state",
    help: "0 closed, 1 open, 2 half-open",
    labelNames: ["name"],
    registers: [registry],
  });

  // History before the first scrape: must NOT show up in the derived KPIs.
  requests.inc({ method: "GET", code: "500" }, 10);
  for (let i = 0; i < 50; i++) latency.observe({ route: "/a" }, 2); // all in +Inf
  const first = createScrape(await registry.metrics(), 1_000_000);

  requests.inc({ method: "GET", code: "200" }, 90);
  requests.inc({ method: "POST", code: "503" }, 6);
  requests.inc({ method: "GET", code: "404" }, 4);
  const observe = (n: number, seconds: number, route: string) => {
    for (let i = 0; i < n; i++) latency.observe({ route }, seconds);
  };
  observe(40, 0.01, "/a"); // ≤ 0.05
  observe(30, 0.07, "/b"); // (0.05, 0.1]
  observe(20, 0.2, "/a"); // (0.1, 0.25]
  observe(8, 0.3, "/b"); // (0.25, 0.5]
  observe(2, 0.9, "/a"); // (0.5, 1]
  memory.set(0.9 * GiB);
  breaker.set({ name: "db" }, 0);
  breaker.set({ name: "payments" }, 1);
  breaker.set({ name: "search" }, 2);
  const second = createScrape(await registry.metrics(), 1_010_000); // 10 s later
  return { first, second };
}

describe("deriveKpis with the default mapping, from a real prom-client registry", () => {
  it("computes throughput, error rate, percentiles, memory and breakers", async () => {
    const { first, second } = await promClientScrapes();
    const kpis = deriveKpis(first, second, { memoryLimitBytes: GiB });
    // Requests in the window: 90 + 6 + 4 = 100 over 10 s → 10 req/s; 5xx = 6 → 6 %.
    expect(kpis.throughputRps).toBeCloseTo(10, 10);
    expect(kpis.errorRatePct).toBeCloseTo(6, 10);
    // Bucket deltas summed over routes (cumulative): ≤.05:40 ≤.1:70 ≤.25:90 ≤.5:98 ≤1:100 +Inf:100.
    // p50: rank 50 in (.05,.1]: .05 + .05 × (50−40)/30 = 0.0666… s → 66.67 ms
    // p95: rank 95 in (.25,.5]: .25 + .25 × (95−90)/8  = 0.40625 s → 406.25 ms
    // p99: rank 99 in (.5,1]:   .5  + .5  × (99−98)/2  = 0.75 s    → 750 ms
    expect(kpis.latencyMs.p50).toBeCloseTo(66.6667, 3);
    expect(kpis.latencyMs.p95).toBeCloseTo(406.25, 6);
    expect(kpis.latencyMs.p99).toBeCloseTo(750, 6);
    expect(kpis.memoryPct).toBeCloseTo(90, 10); // 0.9 GiB of 1 GiB
    expect(kpis.breakers).toEqual({ db: "closed", payments: "open", search: "half-open" });
  });

  it("knows only the gauges without a previous scrape, and memory only with a limit", async () => {
    const { second } = await promClientScrapes();
    const kpis = deriveKpis(undefined, second);
    expect([kpis.throughputRps, kpis.errorRatePct, kpis.latencyMs.p50, kpis.memoryPct]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(Object.keys(kpis.breakers)).toHaveLength(3);
  });
});

describe("counter resets", () => {
  const before = createScrape(
    `http_requests_total{code="200"} 1000
http_requests_total{code="500"} 50
http_requests_total{code="502"} 7
http_request_duration_seconds_bucket{le="0.1"} 900
http_request_duration_seconds_bucket{le="+Inf"} 1000
`,
    0,
  );
  // The process restarted: 200 and 500 went down, so their values are the increase since the reset.
  const after = createScrape(
    `http_requests_total{code="200"} 30
http_requests_total{code="500"} 5
http_requests_total{code="502"} 7
http_request_duration_seconds_bucket{le="0.1"} 10
http_request_duration_seconds_bucket{le="+Inf"} 20
`,
    5000,
  );

  it("treats a decreased counter as reset (like rate())", () => {
    const kpis = deriveKpis(before, after);
    // Increases: 200 → 30 (reset), 500 → 5 (reset), 502 → 7−7 = 0. Total 35 in 5 s = 7 req/s.
    expect(kpis.throughputRps).toBeCloseTo(7, 10);
    expect(kpis.errorRatePct).toBeCloseTo((5 / 35) * 100, 10); // 14.2857 %
    // Buckets reset too: 10 ≤ 0.1, 20 total. p50 rank 10 → top of the first bucket = 100 ms.
    expect(kpis.latencyMs.p50).toBeCloseTo(100, 10);
    // p95 rank 19 lands in +Inf → clamped to the largest finite bound.
    expect(kpis.latencyMs.p95).toBeCloseTo(100, 10);
  });

  it("has no error rate when there was no traffic, and no rates for a zero-length window", () => {
    expect(deriveKpis(after, after).errorRatePct).toBeUndefined();
    expect(deriveKpis(after, { ...after, takenAtMs: 0 }).throughputRps).toBeUndefined();
  });
});

describe("custom mapping", () => {
  const text = (ok: number, failed: number, fast: number, all: number) => `# TYPE api_calls counter
api_calls{status="201",job="api"} ${ok}
api_calls{status="599",job="api"} ${failed}
api_calls{status="500",job="batch"} 1000
# TYPE api_latency_ms histogram
api_latency_ms_bucket{le="50",job="api"} ${fast}
api_latency_ms_bucket{le="200",job="api"} ${all}
api_latency_ms_bucket{le="+Inf",job="api"} ${all}
app_rss_bytes 536870912
resilience4j_circuitbreaker_state{name="inventory",state="closed"} 0
resilience4j_circuitbreaker_state{name="inventory",state="half_open"} 1
resilience4j_circuitbreaker_state{name="billing",state="forced_open"} 1
`;
  const mapping = {
    requests: { metric: "api_calls", statusLabels: ["status"], errorStatusPrefixes: ["59"], match: { job: "api" } },
    latency: { metric: "api_latency_ms", unit: "milliseconds" as const },
    memory: { metric: "app_rss_bytes" },
    memoryLimitBytes: 2 * GiB,
    breakers: { metric: "resilience4j_circuitbreaker_state", stateLabel: "state" },
  };

  it("uses the target's own names, labels and units", () => {
    const kpis = deriveKpis(createScrape(text(100, 0, 10, 10), 0), createScrape(text(118, 2, 20, 30), 4000), mapping);
    // job="api" only: (118−100) + (2−0) = 20 in 4 s = 5 req/s; "59x" errors 2/20 = 10 %.
    expect(kpis.throughputRps).toBeCloseTo(5, 10);
    expect(kpis.errorRatePct).toBeCloseTo(10, 10);
    // Deltas: ≤50:10, ≤200:20. p50 rank 10 → 50 ms; p95 rank 19 → 50 + 150 × 9/10 = 185 ms (unit already ms).
    expect(kpis.latencyMs.p50).toBeCloseTo(50, 10);
    expect(kpis.latencyMs.p95).toBeCloseTo(185, 10);
    expect(kpis.memoryPct).toBeCloseTo(25, 10); // 512 MiB of 2 GiB
    expect(kpis.breakers).toEqual({ inventory: "half-open", billing: "open" });
  });

  it("merges overrides over the defaults without dropping unset fields", () => {
    const resolved = resolveKpiMapping({
      requests: { metric: "api_calls" },
      breakers: { values: { closed: 0, open: 2, halfOpen: 1 } },
    });
    expect(resolved.requests).toEqual({ ...DEFAULT_KPI_MAPPING.requests, metric: "api_calls" });
    expect(resolved.breakers).toMatchObject({ metric: "circuit_breaker_state", values: { open: 2, halfOpen: 1 } });
  });
});
