// Runtime KPIs per health target for a window, from the health feature's own numbers: uptime from
// lib/health/uptime.ts, everything else from hourly rollups (response-time sketches merged).
import "server-only";
import { db } from "@/lib/db";
import { getUptime } from "@/lib/health/uptime";
import { mergeSketches, sketchQuantile, type Sketch } from "@/lib/health/sketch";
import type { KpiSpec } from "./definitions";
import type { KpiValues, WindowBounds } from "./types";

export type RuntimeTarget = { id: string; slug: string; name: string; kind: string };

const HOURLY = "Computed from the hourly rollups whose hour starts in the window.";
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

export async function listRuntimeTargets(): Promise<RuntimeTarget[]> {
  return db.healthTarget.findMany({
    orderBy: [{ serviceGroup: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, kind: true },
  });
}

type RollupRow = {
  targetId: string;
  metric: string;
  count: number;
  sum: number;
  min: number;
  max: number;
  sketch: unknown;
};

export async function computeRuntime(
  targets: RuntimeTarget[],
  windows: WindowBounds[],
  now = new Date(),
): Promise<KpiValues[]> {
  const ids = targets.map((t) => t.id);
  return Promise.all(
    windows.map(async (w) => {
      const out: KpiValues = {};
      if (ids.length === 0) return out;
      const [uptime, rollups] = await Promise.all([
        getUptime(ids, w.start, w.end, now),
        db.healthRollup.findMany({
          where: {
            targetId: { in: ids },
            bucket: "hour",
            bucketStart: { gte: w.start, lt: w.end },
            metric: { not: "check" },
          },
          select: { targetId: true, metric: true, count: true, sum: true, min: true, max: true, sketch: true },
        }) as Promise<RollupRow[]>,
      ]);
      for (const t of targets) {
        const rows = (metric: string) => rollups.filter((r) => r.targetId === t.id && r.metric === metric);
        const mean = (metric: string) => {
          const rs = rows(metric);
          const n = rs.reduce((a, r) => a + r.count, 0);
          return n === 0 ? null : rs.reduce((a, r) => a + r.sum, 0) / n;
        };
        const quantile = (q: number) => {
          const rs = rows("response_time_ms");
          if (rs.length === 0) return null;
          return sketchQuantile(
            mergeSketches(rs.map((r) => r.sketch as Sketch)),
            q,
            Math.min(...rs.map((r) => r.min)),
            Math.max(...rs.map((r) => r.max)),
          );
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
        const mem = rows("memory_pct");
        out[`${p}memory_peak_pct`] = { value: mem.length === 0 ? null : Math.max(...mem.map((r) => r.max)) };
      }
      return out;
    }),
  );
}
