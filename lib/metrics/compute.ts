// One period's KPIs with the previous period and targets, and month-by-month trends.
import "server-only";
import { KPI_SPECS, type KpiSpec } from "./definitions";
import { cachedWindows } from "./cache";
import { getItemKpisStored } from "./facts/windows";
import { getIncidentKpis } from "./incident-kpis";
import { getOtherKpis } from "./other-queries";
import { compareWithPrevious, targetStatus } from "./judge";
import { metricsConfig } from "./config";
import type { KpiResult, KpiValues, MetricsConfig, WindowBounds } from "./types";

export { metricsConfig };

/** Every GitHub KPI for each window, in the same order. */
export async function computeWindows(
  repoIds: string[],
  windows: WindowBounds[],
  config: MetricsConfig = metricsConfig(),
): Promise<KpiValues[]> {
  if (windows.length === 0) return [];
  const [github, incidents] = await Promise.all([
    cachedWindows(repoIds, windows, config, (missing) => computeFresh(repoIds, missing, config)),
    getIncidentKpis(windows),
  ]);
  return github.map((values, i) => ({ ...values, ...incidents[i] }));
}

async function computeFresh(repoIds: string[], windows: WindowBounds[], config: MetricsConfig): Promise<KpiValues[]> {
  const ctx = { repoIds, windows, config };
  const [items, other] = await Promise.all([getItemKpisStored(ctx), getOtherKpis(ctx)]);
  return windows.map((_, i): KpiValues => ({ ...items[i], ...other[i] }));
}

export function toResult(spec: KpiSpec, current: KpiValues, previous: KpiValues): KpiResult {
  const now = current[spec.id] ?? { value: null };
  const before = previous[spec.id]?.value ?? null;
  const result: KpiResult = {
    id: spec.id,
    value: now.value,
    unit: spec.unit,
    previous: compareWithPrevious(now.value, before, spec.good),
    definition: spec.definition,
  };
  if (now.count !== undefined) result.count = now.count;
  if (spec.target) result.target = { ...spec.target, status: targetStatus(spec.target, now.value) };
  return result;
}

export function toResults(current: KpiValues, previous: KpiValues, specs: KpiSpec[] = KPI_SPECS): KpiResult[] {
  return specs.map((spec) => toResult(spec, current, previous));
}
