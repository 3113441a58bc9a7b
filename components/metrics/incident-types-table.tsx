import { formatValue } from "@/lib/metrics/format";
import { incidentTypeRows } from "@/lib/metrics/incident-specs";
import type { MetricsView } from "@/lib/metrics/queries";

/** The incidents group's breakdown by type: count, median MTTA and MTTR (ids `incidents.type.<key>.*`). */
export function IncidentTypesTable({ view }: { view: MetricsView }) {
  const rows = incidentTypeRows(view);
  if (rows.length === 0) return null;
  const cell = "py-1 pr-3 text-right tabular-nums";
  return (
    <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label="Incidents by type">
      <table className="w-full text-left text-sm">
        <caption className="mb-1 text-left font-semibold">
          By type (started in the period; previous in brackets)
        </caption>
        <thead className="text-xs text-neutral-600 dark:text-neutral-400">
          <tr>
            <th scope="col" className="py-1 pr-3">
              Type
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Incidents
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Median MTTA
            </th>
            <th scope="col" className="py-1 pr-3 text-right">
              Median MTTR
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ type, count, mtta, mttr }) => (
            <tr key={type.key} className="border-t border-neutral-200 dark:border-neutral-800">
              <th scope="row" className="py-1 pr-3 font-normal">
                {type.label}
              </th>
              <td className={cell}>
                {count?.value ?? 0} ({count?.previous.value ?? 0})
              </td>
              <td className={cell}>
                {formatValue("seconds", mtta?.value ?? null)} ({formatValue("seconds", mtta?.previous.value ?? null)})
              </td>
              <td className={cell}>
                {formatValue("seconds", mttr?.value ?? null)} ({formatValue("seconds", mttr?.previous.value ?? null)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
