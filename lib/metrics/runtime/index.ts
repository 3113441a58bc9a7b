// Runtime KPIs per health target for a window, from the health feature's own numbers: uptime from
// lib/health/views/uptime.ts, everything else from hourly rollups (response-time sketches merged).
import "server-only";
import { db } from "@/lib/db";
import { mergeSketches, sketchQuantile, type Sketch } from "@/lib/health/store/sketch";
import type { KpiSpec } from "../definitions";
import { cachedRuntime } from "./cache";
import { SKETCHED } from "./days";
import { aggregateRollups, type MetricAggregate } from "./rollups";
import { windowUptime } from "./uptime";
import type { KpiValues, WindowBounds } from "../types";

export type RuntimeTarget = { id: string; slug: string; name: string; kind: string };

const HOURLY =
  "Computed from the hourly rollups whose hour starts in the window (whole UTC days read as their day rollups, the merge of those hours).";
export const RUNTIME_METRICS = [
  {
    key: "uptime_pct",
    label: "Uptime",
    unit: "percent",
    good: "up",
    definition:
      "Successful checks ÷ all checks in the window × 100 (HTTP checks, Prometheus scrapes or push heartbeats; a missed heartbeat is a failed check). No value without checks.",
    target: { comparison: "gte", value: 99.9, amber: 99, text: "Uptime ≥ 99.9 %; amber from 99 %." },
  },
  {
    key: "response_p50_ms",
    label: "Response time p50",
    unit: "ms",
    good: "down",
    definition: `Median response time. HTTP and push targets: the nearest-rank percentile of every response time (merged sketches, ±1 %); Prometheus targets: the mean of the service's own scraped p50. ${HOURLY}`,
  },
  {
    key: "response_p95_ms",
    label: "Response time p95",
    unit: "ms",
    good: "down",
    definition: `95th-percentile response time, as for p50. ${HOURLY}`,
    target: {
      comparison: "lt",
      value: 100,
      amber: 200,
      text: "Response < 100 ms (runbook target); alert above 200 ms.",
    },
  },
  {
    key: "response_p99_ms",
    label: "Response time p99",
    unit: "ms",
    good: "down",
    definition: `99th-percentile response time, as for p50. ${HOURLY}`,
  },
  {
    key: "error_rate_pct",
    label: "Error rate",
    unit: "percent",
    good: "down",
    definition: `Mean of the sampled error-rate values. ${HOURLY}`,
    target: { comparison: "lt", value: 0.1, amber: 1, text: "Error rate < 0.1 % (runbook target); alert above 1 %." },
  },
  {
    key: "throughput_rps",
    label: "Throughput",
    unit: "per_second",
    good: "up",
    definition: `Mean of the sampled throughput values (requests per second). ${HOURLY}`,
  },
  {
    key: "memory_peak_pct",
    label: "Peak memory",
    unit: "percent",
    good: "down",
    definition: `Highest sampled memory use. ${HOURLY}`,
    target: { comparison: "lt", value: 90, amber: 95, text: "Memory below the 90 % alert level; amber up to 95 %." },
  },
] as const;

export function runtimeSpecs(target: RuntimeTarget): KpiSpec[] {
  return RUNTIME_METRICS.map((m) => ({
    id: `runtime.${target.slug}.${m.key}`,
    label: `${target.name}: ${m.label}`,
    unit: m.unit,
    good: m.good,
    group: "runtime",
    definition: m.definition,
    ...("target" in m ? { target: m.target } : {}),
  }));
}

/** Fleet KPIs: `runtime.*.<key>` ("*": all targets; a slug cannot start with it, so no target's ids collide). */
export const FLEET_PREFIX = "runtime.*.";
const FLEET_DEFINITION: Record<(typeof RUNTIME_METRICS)[number]["key"], string> = {
  uptime_pct:
    "All targets: successful checks ÷ all checks of every target in the window × 100, each target counted as for its own uptime (so a target checked more often weighs more). No value without checks.",
  response_p50_ms: `All HTTP and push targets' response times merged: the nearest-rank median of every response time in the window (merged sketches, ±1 %). Prometheus targets report their own percentiles, which cannot be merged, and are left out. ${HOURLY}`,
  response_p95_ms: `95th percentile of every HTTP and push response time in the window, as for p50. ${HOURLY}`,
  response_p99_ms: `99th percentile of every HTTP and push response time in the window, as for p50. ${HOURLY}`,
  error_rate_pct: `Mean of every sampled error-rate value of all targets. ${HOURLY}`,
  throughput_rps: `Sum over the targets of each one's mean sampled throughput: the fleet's requests per second. ${HOURLY}`,
  memory_peak_pct: `Highest sampled memory use of any target. ${HOURLY}`,
};

/** The fleet-wide runtime KPIs (the Metrics page's tiles; the per-target values are in its table and the report). */
export const RUNTIME_FLEET_SPECS: KpiSpec[] = RUNTIME_METRICS.map((m) => ({
  id: `${FLEET_PREFIX}${m.key}`,
  label: `All targets: ${m.label}`,
  unit: m.unit,
  good: m.good,
  group: "runtime",
  definition: FLEET_DEFINITION[m.key],
  ...("target" in m ? { target: m.target } : {}),
}));

export async function listRuntimeTargets(): Promise<RuntimeTarget[]> {
  return db.healthTarget.findMany({
    orderBy: [{ serviceGroup: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, kind: true },
  });
}

type Fleet = {
  checks: number;
  ok: number;
  throughput: number | null;
  errors: { count: number; sum: number };
  memoryMax: number | null;
  response: { sketches: Sketch[]; min: number; max: number };
};
const newFleet = (): Fleet => ({
  checks: 0,
  ok: 0,
  throughput: null,
  errors: { count: 0, sum: 0 },
  memoryMax: null,
  response: { sketches: [], min: Infinity, max: -Infinity },
});

function addToFleet(f: Fleet, r: MetricAggregate, kind: string | undefined): void {
  if (r.metric === "error_rate_pct") {
    f.errors.count += r.count;
    f.errors.sum += r.sum;
  } else if (r.metric === "memory_pct" && r.count > 0) f.memoryMax = Math.max(f.memoryMax ?? -Infinity, r.max);
  else if (r.metric === SKETCHED && kind !== "prometheus" && r.sketch) {
    f.response.sketches.push(r.sketch);
    f.response.min = Math.min(f.response.min, r.min);
    f.response.max = Math.max(f.response.max, r.max);
  }
}

function fleetValues(f: Fleet): KpiValues {
  const merged = f.response.sketches.length > 0 ? mergeSketches(f.response.sketches) : null;
  const q = (x: number) => (merged ? sketchQuantile(merged, x, f.response.min, f.response.max) : null);
  return {
    [`${FLEET_PREFIX}uptime_pct`]: { value: f.checks === 0 ? null : (f.ok / f.checks) * 100, count: f.checks },
    [`${FLEET_PREFIX}response_p50_ms`]: { value: q(0.5) },
    [`${FLEET_PREFIX}response_p95_ms`]: { value: q(0.95) },
    [`${FLEET_PREFIX}response_p99_ms`]: { value: q(0.99) },
    [`${FLEET_PREFIX}error_rate_pct`]: { value: f.errors.count === 0 ? null : f.errors.sum / f.errors.count },
    [`${FLEET_PREFIX}throughput_rps`]: { value: f.throughput },
    [`${FLEET_PREFIX}memory_peak_pct`]: { value: f.memoryMax },
  };
}

/**
 * Per target and, under `runtime.*.`, for all targets together (RUNTIME_FLEET_SPECS). A finished
 * window is computed once and kept until a rollup run or a late sample changes its data (cache.ts).
 */
export async function computeRuntime(
  targets: RuntimeTarget[],
  windows: WindowBounds[],
  now = new Date(),
): Promise<KpiValues[]> {
  if (targets.length === 0) return windows.map(() => ({}));
  return cachedRuntime(targets, windows, now, (missing) => computeWindows(targets, missing, now));
}

async function computeWindows(targets: RuntimeTarget[], windows: WindowBounds[], now: Date): Promise<KpiValues[]> {
  const ids = targets.map((t) => t.id);
  const kindOf = new Map(targets.map((t) => [t.id, t.kind]));
  return Promise.all(
    windows.map(async (w) => {
      const out: KpiValues = {};
      if (ids.length === 0) return out;
      const [uptime, rollups] = await Promise.all([windowUptime(ids, w, now), aggregateRollups(ids, w, now)]);
      const byKey = new Map(rollups.map((r) => [`${r.targetId} ${r.metric}`, r]));
      const fleet = newFleet();
      for (const r of rollups) addToFleet(fleet, r, kindOf.get(r.targetId));
      for (const t of targets) {
        const row = (metric: string) => byKey.get(`${t.id} ${metric}`);
        const mean = (metric: string) => {
          const r = row(metric);
          return !r || r.count === 0 ? null : r.sum / r.count;
        };
        const quantile = (q: number) => {
          const r = row(SKETCHED);
          if (!r?.sketch) return null;
          return sketchQuantile(r.sketch, q, r.min, r.max);
        };
        const p = `runtime.${t.slug}.`;
        const u = uptime.get(t.id);
        out[`${p}uptime_pct`] = { value: u?.pct ?? null, count: u?.checks ?? 0 };
        const scraped = t.kind === "prometheus";
        out[`${p}response_p50_ms`] = { value: scraped ? mean("response_time_p50_ms") : quantile(0.5) };
        out[`${p}response_p95_ms`] = { value: scraped ? mean("response_time_ms") : quantile(0.95) };
        out[`${p}response_p99_ms`] = { value: scraped ? mean("response_time_p99_ms") : quantile(0.99) };
        out[`${p}error_rate_pct`] = { value: mean("error_rate_pct") };
        out[`${p}throughput_rps`] = { value: mean("throughput_rps") };
        out[`${p}memory_peak_pct`] = { value: row("memory_pct")?.max ?? null };
        if (u) fleet.checks += u.checks;
        if (u) fleet.ok += u.ok;
        const rps = out[`${p}throughput_rps`]!.value;
        if (rps !== null) fleet.throughput = (fleet.throughput ?? 0) + rps;
      }
      Object.assign(out, fleetValues(fleet));
      return out;
    }),
  );
}
