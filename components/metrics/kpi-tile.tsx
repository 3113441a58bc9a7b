import { Badge } from "@/components/ui/badge";
import { changeText, formatDelta, formatValue } from "@/lib/metrics/format";
import type { KpiResult } from "@/lib/metrics/types";

const CHANGE_TONE = {
  better: "text-green-700 dark:text-green-400",
  worse: "text-red-700 dark:text-red-400",
  same: "text-neutral-600 dark:text-neutral-400",
} as const;
const STATUS_TONE = { green: "green", amber: "amber", red: "red" } as const;

/** One KPI: value, change against the previous period, target status, and its definition behind ⓘ. */
export function KpiTile({ kpi, label, noSource }: { kpi: KpiResult; label: string; noSource: boolean }) {
  const tone = kpi.previous.change ? CHANGE_TONE[kpi.previous.change] : "text-neutral-600 dark:text-neutral-400";
  return (
    <article
      data-kpi={kpi.id}
      className="rounded-lg border border-neutral-200 bg-white p-4 shadow-sm break-inside-avoid dark:border-neutral-800 dark:bg-neutral-900"
    >
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-medium text-neutral-700 dark:text-neutral-300">{label}</h3>
        <details className="group relative text-sm">
          <summary
            aria-label={`Definition of ${label}`}
            className="cursor-pointer list-none rounded px-1 text-neutral-500 hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:text-neutral-100"
          >
            ⓘ
          </summary>
          <p className="absolute right-0 z-10 mt-1 w-72 max-w-[80vw] rounded-md border border-neutral-200 bg-white p-3 text-xs leading-relaxed text-neutral-700 shadow-lg print:static print:w-auto print:shadow-none dark:border-neutral-700 dark:bg-neutral-900 dark:text-neutral-300">
            {kpi.definition}
          </p>
        </details>
      </div>
      <p className="mt-2 text-2xl font-semibold tabular-nums" data-testid="kpi-value">
        {noSource ? (
          <span className="text-base font-normal text-neutral-500">no data source</span>
        ) : (
          formatValue(kpi.unit, kpi.value)
        )}
      </p>
      {!noSource && (
        <p className={`mt-1 text-xs ${tone}`} data-testid="kpi-delta">
          {formatDelta(kpi.unit, kpi.previous.delta)} vs {formatValue(kpi.unit, kpi.previous.value)} ({changeText(kpi)})
        </p>
      )}
      {kpi.target && (
        <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-neutral-600 dark:text-neutral-400">
          {kpi.target.status ? (
            <Badge tone={STATUS_TONE[kpi.target.status]}>{kpi.target.status}</Badge>
          ) : (
            <Badge>no data</Badge>
          )}
          <span>
            target {kpi.target.comparison === "lt" ? "<" : "≥"} {formatValue(kpi.unit, kpi.target.value)}
          </span>
        </p>
      )}
      {kpi.count !== undefined && !kpi.id.endsWith(".count") && (
        <p className="mt-1 text-xs text-neutral-500">n = {kpi.count}</p>
      )}
    </article>
  );
}
