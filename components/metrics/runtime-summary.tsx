// The Metrics page's runtime part under the fleet tiles: the worst targets of the period and a link
// to every target's runtime KPIs, paged (/kpis/runtime).
import Link from "next/link";
import type { MetricsView } from "@/lib/metrics/queries";
import { RUNTIME_WORST, runtimeRows, worstFirst } from "@/lib/metrics/runtime/table";
import type { KpiValues } from "@/lib/metrics/types";
import { RuntimeDefinitions, RuntimeTable } from "./runtime-table";

export function RuntimeSummary({ view, query }: { view: MetricsView; query: string }) {
  if (view.runtimeTargets.length === 0) return null;
  const values: KpiValues = Object.fromEntries(view.kpis.map((k) => [k.id, { value: k.value }]));
  const rows = worstFirst(runtimeRows(view.runtimeTargets, values));
  const shown = rows.slice(0, RUNTIME_WORST);
  return (
    <div className="mt-4 space-y-2">
      <h3 className="text-sm font-semibold">
        {rows.length > shown.length
          ? `The ${shown.length} worst of ${rows.length} targets`
          : `Every target (${rows.length})`}{" "}
        <span className="font-normal text-neutral-600 dark:text-neutral-400">
          (lowest uptime first, then highest p95 response time)
        </span>
      </h3>
      <RuntimeTable rows={shown} caption={`Runtime KPIs per target, ${view.window.label}, worst first`} />
      <div className="flex flex-wrap items-baseline gap-4">
        {rows.length > shown.length && (
          <Link
            href={`/kpis/runtime?${query}`}
            className="text-sm font-medium text-sky-700 underline dark:text-sky-400"
          >
            All {rows.length} targets&apos; runtime KPIs
          </Link>
        )}
        <RuntimeDefinitions />
      </div>
    </div>
  );
}
