// A metrics KPI result as the shared KPI tile's props: the same number, delta, target and definition the report uses.
import type { KpiTileProps } from "@/components/ui/kpi-tile";
import { changeText, formatDelta, formatValue } from "@/lib/metrics/format";
import type { KpiResult } from "@/lib/metrics/types";

const STATUS = { green: "ok", amber: "warning", red: "critical" } as const;

export function metricsTileProps(kpi: KpiResult, label: string, noSource: boolean): KpiTileProps {
  const base = { kpiId: kpi.id, label, definition: kpi.definition };
  if (noSource) return { ...base, value: null, emptyText: "no data source", status: "none" };
  const target = kpi.target;
  return {
    ...base,
    value: kpi.value,
    display: formatValue(kpi.unit, kpi.value),
    emptyText: "—",
    status: target ? (target.status ? STATUS[target.status] : "none") : "none",
    targetText: target
      ? `target ${target.comparison === "lt" ? "<" : "≥"} ${formatValue(kpi.unit, target.value)}`
      : undefined,
    delta: {
      text: formatDelta(kpi.unit, kpi.previous.delta),
      verdict: kpi.previous.change,
      context: `vs ${formatValue(kpi.unit, kpi.previous.value)} (${changeText(kpi)})`,
    },
    note: kpi.count !== undefined && !kpi.id.endsWith(".count") ? `n = ${kpi.count}` : undefined,
  };
}
