// The runtime KPIs per target as table rows, worst first: the Metrics page shows the worst few next
// to the fleet tiles, /kpis/runtime every target one page at a time. Pure except getRuntimeTablePage.
import type { KpiValues } from "../types";
import { RUNTIME_METRICS, type RuntimeTarget } from ".";

export type RuntimeKey = (typeof RUNTIME_METRICS)[number]["key"];
export type RuntimeRow = { id: string; slug: string; name: string; kind: string } & Record<RuntimeKey, number | null>;

export const RUNTIME_TABLE_PAGE_SIZE = 50;
/** How many of the worst targets the Metrics page lists. */
export const RUNTIME_WORST = 10;

export function runtimeRows(targets: RuntimeTarget[], values: KpiValues): RuntimeRow[] {
  return targets.map((t) => {
    const row = { id: t.id, slug: t.slug, name: t.name, kind: t.kind } as RuntimeRow;
    for (const m of RUNTIME_METRICS) row[m.key] = values[`runtime.${t.slug}.${m.key}`]?.value ?? null;
    return row;
  });
}

const nullsLast = (a: number | null, b: number | null, dir: 1 | -1) =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : (a - b) * dir;

/**
 * Worst first: lowest uptime, then highest p95 response time, then highest error rate; targets
 * without checks after every measured one; then by name.
 */
export function worstFirst(rows: RuntimeRow[]): RuntimeRow[] {
  return [...rows].sort(
    (a, b) =>
      nullsLast(a.uptime_pct, b.uptime_pct, 1) ||
      nullsLast(a.response_p95_ms, b.response_p95_ms, -1) ||
      nullsLast(a.error_rate_pct, b.error_rate_pct, -1) ||
      a.name.localeCompare(b.name),
  );
}

export function pageOf<T>(rows: T[], page: number, size = RUNTIME_TABLE_PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return { rows: rows.slice((current - 1) * size, current * size), page: current, pages, total: rows.length };
}
