// Scraping a real prom-client exposition over loopback through the scheduler: KPIs derived from
// two scrapes (the first one's counters kept in the database), their states and alert events.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestHealthTarget } from "@/lib/testing/factories";
import {
  installLoopbackGuard,
  startHttpServer,
  type LoopbackGuard,
  type TestServer,
} from "../checks/loopback-test-kit";
import { runDueChecks } from "../scheduler/run-checks";

const GiB = 1024 ** 3;
const registry = new Registry();
const requests = new Counter({
  name: "http_requests_total",
  help: "Requests",
  labelNames: ["code"],
  registers: [registry],
});
const latency = new Histogram({
  name: "http_request_duration_seconds",
  help: "Latency",
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

let guard: LoopbackGuard;
let server: TestServer;

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.url === "/metrics")
    return void res.writeHead(200, { "content-type": registry.contentType }).end(await registry.metrics());
  if (req.url === "/html") return void res.end("<html>metrics moved</html>");
  res.writeHead(404).end();
}

beforeAll(async () => {
  guard = installLoopbackGuard();
  server = await startHttpServer((req, res) => void handle(req, res));
});

afterAll(async () => {
  await server.close();
  guard.restore();
  expect(guard.violations).toEqual([]);
});

const T0 = new Date("2026-06-01T00:00:00Z");
// Throughput depends on the real gap between scrapes, so its thresholds are set where any gap
// under the test timeout (100 requests in < 30 s = > 3.3 req/s) is ok.
const thresholds = { throughput_rps: { warning: 1, critical: 0.5 } };
const target = (path: string) =>
  createTestHealthTarget(
    {
      kind: "prometheus",
      intervalSeconds: 10,
      url: `${server.url}${path}`,
      timeoutMs: 2000,
      breachesToChange: 1,
      mapping: { memoryLimitBytes: GiB },
      thresholds,
    },
    T0,
  );

async function latest(targetId: string) {
  const rows = await db.healthSample.findMany({
    where: { targetId, metric: { not: "check" } },
    orderBy: { at: "asc" },
  });
  return Object.fromEntries(rows.map((r) => [r.metric, r.value]));
}

describe("Prometheus targets", () => {
  it("derives throughput, error rate, percentiles, memory and breakers from two scrapes, and alerts on them", async () => {
    const t = await target("/metrics");
    requests.inc({ code: "200" }, 1000); // history before the first scrape must not count
    memory.set(0.5 * GiB);
    breaker.set({ name: "db" }, 0);
    await runDueChecks({ now: () => T0, targetIds: [t.id] });
    // First scrape: no previous counters, so only the gauges: memory 50 %, breakers all closed (0).
    expect(await latest(t.id)).toEqual({ memory_pct: 50, breaker_state: 0 });
    expect(await db.healthScrapeBaseline.findUnique({ where: { targetId: t.id } })).not.toBeNull();

    requests.inc({ code: "200" }, 90);
    requests.inc({ code: "500" }, 10);
    const observe = (n: number, seconds: number) => Array.from({ length: n }, () => latency.observe(seconds));
    observe(40, 0.01); // ≤ 0.05
    observe(30, 0.07); // (0.05, 0.1]
    observe(20, 0.2); // (0.1, 0.25]
    observe(8, 0.3); // (0.25, 0.5]
    observe(2, 0.9); // (0.5, 1]
    memory.set(0.9 * GiB);
    breaker.set({ name: "payments" }, 1);
    await new Promise((resolve) => setTimeout(resolve, 50)); // a measurable gap between the scrapes
    await runDueChecks({ now: () => new Date(T0.getTime() + 10_000), targetIds: [t.id] });

    const scrapes = await db.healthSample.findMany({
      where: { targetId: t.id, metric: "check" },
      orderBy: { at: "asc" },
    });
    expect(scrapes.map((s) => [s.ok, s.status])).toEqual([
      [true, 200],
      [true, 200],
    ]);
    const seconds = (scrapes[1]!.at.getTime() - scrapes[0]!.at.getTime()) / 1000;
    const second = await db.healthSample.findMany({
      where: { targetId: t.id, at: scrapes[1]!.at, metric: { not: "check" } },
    });
    const kpi = Object.fromEntries(second.map((r) => [r.metric, r.value]));
    // 100 requests between the scrapes, 10 of them 5xx.
    expect(kpi.throughput_rps).toBeCloseTo(100 / seconds, 6);
    expect(kpi.error_rate_pct).toBeCloseTo(10, 10);
    // Cumulative bucket increases: ≤50 ms 40, ≤100 ms 70, ≤250 ms 90, ≤500 ms 98, ≤1 s 100.
    // p50: rank 50 in (50, 100] → 50 + 50 × 10/30 = 66.67 ms; p95: rank 95 in (250, 500] → 250 + 250 × 5/8
    // = 406.25 ms (reported as response_time_ms); p99: rank 99 in (500, 1000] → 500 + 500 × 1/2 = 750 ms.
    expect(kpi.response_time_p50_ms).toBeCloseTo(50 + 50 * (10 / 30), 6);
    expect(kpi.response_time_ms).toBeCloseTo(406.25, 6);
    expect(kpi.response_time_p99_ms).toBeCloseTo(750, 6);
    expect(kpi.memory_pct).toBeCloseTo(90, 10);
    expect(kpi.breaker_state).toBe(1); // payments is open: the worst breaker is reported
    expect(second.find((r) => r.metric === "breaker_state")?.labels).toEqual({ breakers: "payments" });

    // breachesToChange 1: error rate 10 % > 5 % → critical; p95 406.25 ms > 200 → warning; an open
    // breaker → critical; memory 90 % is not > 90 % → ok; throughput > 3.3 req/s ≥ 1 → ok. Rates exist only
    // from the second scrape on, so that scrape is their first observation: it sets the level, and an
    // out-of-bounds first level is an alert from "pending" (from = null); an ok one records nothing. The
    // breakers were seen closed at the first scrape, so opening is a change.
    const states = await db.healthState.findMany({ where: { targetId: t.id }, orderBy: { kpi: "asc" } });
    expect(Object.fromEntries(states.map((s) => [s.kpi, s.level]))).toMatchObject({
      breaker_state: "critical",
      error_rate_pct: "critical",
      response_time_ms: "warning",
      memory_pct: "ok",
      throughput_rps: "ok",
    });
    const events = await db.alertEvent.findMany({ where: { targetId: t.id }, orderBy: { kpi: "asc" } });
    expect(events.map((e) => `${e.kpi} ${e.from ?? "pending"}→${e.to}`)).toEqual([
      "breaker_state ok→critical",
      "error_rate_pct pending→critical",
      "response_time_ms pending→warning",
    ]);
    const baseline = await db.healthScrapeBaseline.findUnique({ where: { targetId: t.id } });
    expect(baseline?.takenAt).toEqual(scrapes[1]!.at);
  });

  it.each([
    ["/html", "parse", 200],
    ["/missing", "status", 404],
  ])("records a scrape of %s as a failed check (%s)", async (path, kind, status) => {
    const t = await target(path);
    await runDueChecks({ now: () => T0, targetIds: [t.id] });
    const [check] = await db.healthSample.findMany({ where: { targetId: t.id } });
    expect(check).toMatchObject({ metric: "check", ok: false, failureKind: kind, status });
    expect(await db.healthScrapeBaseline.findUnique({ where: { targetId: t.id } })).toBeNull();
  });
});
