// Runtime KPIs per target as a plain table (server-rendered): the worst few on the Metrics page,
// every target one page at a time on /kpis/runtime. The definitions are listed under it.
import Link from "next/link";
import { formatValue } from "@/lib/metrics/format";
import { RUNTIME_METRICS } from "@/lib/metrics/runtime";
import type { RuntimeRow } from "@/lib/metrics/runtime/table";

const SHORT: Record<string, string> = {
  uptime_pct: "Uptime",
  response_p50_ms: "p50",
  response_p95_ms: "p95",
  response_p99_ms: "p99",
  error_rate_pct: "Errors",
  throughput_rps: "Throughput",
  memory_peak_pct: "Peak memory",
};
const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-neutral-700 dark:text-neutral-200";

/** Outside its target (amber or red by the runbook's target), for the cell's colour and a word for screen readers. */
function miss(key: string, value: number | null): boolean {
  const m = RUNTIME_METRICS.find((x) => x.key === key);
  if (value === null || !m || !("target" in m)) return false;
  return m.target.comparison === "gte" ? value < m.target.value : value >= m.target.value;
}

export function RuntimeTable({ rows, caption }: { rows: RuntimeRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-neutral-200 dark:border-neutral-800">
      <table
        className="min-w-full divide-y divide-neutral-200 text-sm dark:divide-neutral-800"
        data-testid="runtime-table"
      >
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-neutral-100 dark:bg-neutral-800">
          <tr>
            <th scope="col" className={th}>
              Target
            </th>
            {RUNTIME_METRICS.map((m) => (
              <th key={m.key} scope="col" className={`${th} text-right`} title={m.definition}>
                {SHORT[m.key]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 bg-white dark:divide-neutral-800 dark:bg-neutral-900">
          {rows.map((r) => (
            <tr key={r.id} data-testid={`runtime-row-${r.slug}`}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={`/health/${r.id}`} className="text-sky-800 hover:underline dark:text-sky-300">
                  {r.name}
                </Link>
                <span className="ml-2 text-xs font-normal text-neutral-500">{r.kind}</span>
              </th>
              {RUNTIME_METRICS.map((m) => {
                const off = miss(m.key, r[m.key]);
                return (
                  <td
                    key={m.key}
                    className={`px-3 py-2 text-right tabular-nums ${off ? "font-medium text-red-700 dark:text-red-300" : ""}`}
                  >
                    {formatValue(m.unit, r[m.key])}
                    {off && <span className="sr-only"> (misses its target)</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each column's definition (per target), next to the table. */
export function RuntimeDefinitions() {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-sky-700 underline dark:text-sky-400">
        Definitions of the columns (per target)
      </summary>
      <dl className="mt-2 space-y-2">
        {RUNTIME_METRICS.map((m) => (
          <div key={m.key}>
            <dt className="font-medium">{m.label}</dt>
            <dd className="text-neutral-700 dark:text-neutral-300">
              {m.definition}
              {"target" in m && ` Target: ${m.target.text}`}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
