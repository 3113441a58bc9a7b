/**
 * One scrape of a Prometheus target: fetched through the SSRF-safe check path, parsed, and turned
 * into KPI observations against the previous scrape. The previous scrape's counters are kept in
 * HealthScrapeBaseline, so whichever worker scrapes next can compute rates; a baseline older than
 * three intervals (the target was not scraped for a while) is not used, since a rate over that gap
 * would not describe the present.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import type { HealthTarget } from "@/lib/generated/prisma/client";
import { fetchVettedBody, type RunHttpCheckOptions } from "../checks/http-check";
import { createScrape, deriveKpis, resolveKpiMapping, type Kpis, type Scrape } from "./prometheus";
import type { MetricObservation, TargetObservations } from "../store/record";
import type { PrometheusTargetConfig } from "../schemas";
import { BREAKER_VALUE } from "../store/thresholds";

const MAX_SCRAPE_BYTES = 10 * 1024 * 1024;
const ACCEPT = "text/plain;version=0.0.4;q=0.9,*/*;q=0.1";

const StoredSamples = z.array(
  z.object({ name: z.string(), labels: z.record(z.string(), z.string()), value: z.number() }),
);

/** Only the series rates are derived from (request counters, latency buckets); gauges are read fresh. */
function baselineSamples(scrape: Scrape, config: z.output<typeof PrometheusTargetConfig>) {
  const m = resolveKpiMapping(config.mapping);
  const names = new Set([m.requests.metric, `${m.latency.metric}_bucket`]);
  return scrape.samples
    .filter((s) => names.has(s.name) && Number.isFinite(s.value))
    .map(({ name, labels, value }) => ({ name, labels, value }));
}

async function loadBaseline(
  target: Pick<HealthTarget, "id" | "intervalSeconds">,
  takenAtMs: number,
): Promise<Scrape | undefined> {
  const row = await db.healthScrapeBaseline.findUnique({ where: { targetId: target.id } });
  if (!row) return undefined;
  const age = takenAtMs - row.takenAt.getTime();
  const samples = StoredSamples.safeParse(row.samples);
  if (age <= 0 || age > 3 * target.intervalSeconds * 1000 || !samples.success) return undefined;
  return { takenAtMs: row.takenAt.getTime(), samples: samples.data };
}

const WORST_FIRST = ["open", "half-open", "closed"] as const;

/** KPI samples; response_time_ms is the p95 (what thresholds judge), p50 and p99 are kept alongside. */
export function kpiObservations(kpis: Kpis, at: Date): MetricObservation[] {
  const out: MetricObservation[] = [];
  const add = (metric: string, value: number | undefined, labels?: Record<string, string>) => {
    if (value !== undefined && Number.isFinite(value)) out.push({ at, metric, value, labels });
  };
  add("throughput_rps", kpis.throughputRps);
  add("error_rate_pct", kpis.errorRatePct);
  add("response_time_ms", kpis.latencyMs.p95);
  add("response_time_p50_ms", kpis.latencyMs.p50);
  add("response_time_p99_ms", kpis.latencyMs.p99);
  add("memory_pct", kpis.memoryPct);
  const breakers = Object.entries(kpis.breakers);
  const worst = WORST_FIRST.find((state) => breakers.some(([, s]) => s === state));
  if (worst) {
    const names = breakers
      .filter(([, s]) => s === worst)
      .map(([name]) => name)
      .sort();
    add("breaker_state", BREAKER_VALUE[worst], { breakers: names.join(",").slice(0, 256) });
  }
  return out;
}

export async function scrapePrometheusTarget(
  target: Pick<HealthTarget, "id" | "intervalSeconds">,
  config: z.output<typeof PrometheusTargetConfig>,
  opts: RunHttpCheckOptions,
): Promise<TargetObservations> {
  const result = await fetchVettedBody(
    { url: config.url, timeoutMs: config.timeoutMs, maxBodyBytes: MAX_SCRAPE_BYTES, headers: { accept: ACCEPT } },
    opts,
  );
  const at = result.checkedAt;
  const check = {
    at,
    ok: result.ok,
    durationMs: result.responseTimeMs,
    status: result.status,
    failure: result.failure,
  };
  if (!result.ok || !result.body) return { checks: [check] };
  let scrape: Scrape;
  try {
    scrape = createScrape(result.body.toString("utf8"), at.getTime());
  } catch (error) {
    const message = `not a Prometheus exposition: ${error instanceof Error ? error.message : String(error)}`;
    return { checks: [{ ...check, ok: false, failure: { kind: "parse", message } }] };
  }
  const previous = await loadBaseline(target, scrape.takenAtMs);
  const kpis = deriveKpis(previous, scrape, config.mapping);
  const samples = baselineSamples(scrape, config);
  await db.healthScrapeBaseline.upsert({
    where: { targetId: target.id },
    create: { targetId: target.id, takenAt: at, samples },
    update: { takenAt: at, samples },
  });
  return { checks: [check], metrics: kpiObservations(kpis, at) };
}
