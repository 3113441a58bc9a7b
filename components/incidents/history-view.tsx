import Link from "next/link";
import type { HistoryFilters, IncidentHistory } from "@/lib/incidents/views/history";
import { DEFINITIONS, type StatsRow } from "@/lib/incidents/views/stats";
import { SEVERITIES } from "@/lib/incidents/schemas";
import { formatMoment } from "@/components/health/format";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClass } from "@/components/ui/field";
import { formatDuration, SeverityBadge } from "./format";

const s = (v: number | null) => formatDuration(v);
const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)} %`);

function StatsTable({ caption, rows, label }: { caption: string; rows: StatsRow[]; label: (key: string) => string }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
      <table className="w-full min-w-[720px] text-left text-sm">
        <caption className="mb-1 text-left font-semibold">{caption}</caption>
        <thead className="text-xs text-neutral-600 dark:text-neutral-400">
          <tr>
            <th scope="col" className="py-1 pr-2"></th>
            <th scope="col">Incidents</th>
            <th scope="col">Open</th>
            <th scope="col">MTTA median / p90 / mean (n)</th>
            <th scope="col">MTTR median / p90 / mean (n)</th>
            <th scope="col">Mitigate median (n)</th>
            <th scope="col">Within target</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.key}
              className="border-t border-neutral-200 dark:border-neutral-800"
              data-testid={`stats-${r.key}`}
            >
              <th scope="row" className="py-1 pr-2 font-medium">
                {label(r.key)}
              </th>
              <td>{r.incidents}</td>
              <td>{r.open}</td>
              <td className="tabular-nums">
                {s(r.mtta.median)} / {s(r.mtta.p90)} / {s(r.mtta.mean)} ({r.mtta.count}
                {r.unacknowledged > 0 ? `, ${r.unacknowledged} never acked` : ""})
              </td>
              <td className="tabular-nums">
                {s(r.mttr.median)} / {s(r.mttr.p90)} / {s(r.mttr.mean)} ({r.mttr.count})
              </td>
              <td className="tabular-nums">
                {s(r.mttm.median)} ({r.mttm.count})
              </td>
              <td>
                {pct(r.withinTarget.share)}{" "}
                <span className="text-xs text-neutral-500">
                  ({r.withinTarget.within}/{r.withinTarget.resolved})
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function IncidentHistoryView({ history, filters }: { history: IncidentHistory; filters: HistoryFilters }) {
  const typeLabel = (k: string) => history.types.find((t) => t.key === k)?.label ?? k;
  return (
    <div className="space-y-6">
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filters">
        <label className="text-sm">
          Type
          <select name="type" defaultValue={filters.type ?? ""} className={inputClass}>
            <option value="">All</option>
            {history.types.map((t) => (
              <option key={t.key} value={t.key}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Severity
          <select name="severity" defaultValue={filters.severity ?? ""} className={inputClass}>
            <option value="">All</option>
            {SEVERITIES.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          From month
          <input type="month" name="from" defaultValue={filters.from} className={inputClass} />
        </label>
        <label className="text-sm">
          To month
          <input type="month" name="to" defaultValue={filters.to} className={inputClass} />
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
        <Link href="/incidents/history" className="text-sm underline">
          Clear
        </Link>
      </form>
      <details className="rounded-lg border border-neutral-200 p-3 text-sm dark:border-neutral-800" open>
        <summary className="cursor-pointer font-medium">Definitions</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-neutral-700 dark:text-neutral-300">
          {Object.values(DEFINITIONS).map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      </details>
      {history.stats.total.incidents === 0 ? (
        <EmptyState title="No incidents in this window">
          <p>
            Widen the filters, or come back after the first incident is resolved. Incidents open on the board, by hand
            or from health alerts.
          </p>
        </EmptyState>
      ) : (
        <>
          <StatsTable caption="Per month (of the start, UTC)" rows={history.stats.months} label={(k) => k} />
          <div className="space-y-6">
            <StatsTable caption="By type" rows={history.stats.byType} label={typeLabel} />
            <StatsTable caption="By severity" rows={history.stats.bySeverity} label={(k) => k} />
          </div>
          <section aria-labelledby="resolved-list">
            <h2 id="resolved-list" className="font-semibold">
              Resolved incidents
            </h2>
            <ul className="mt-2 divide-y divide-neutral-200 dark:divide-neutral-800">
              {history.resolved.map((i) => (
                <li
                  key={i.id}
                  className="flex flex-wrap items-center gap-2 py-2 text-sm"
                  data-testid="resolved-incident"
                >
                  <SeverityBadge severity={i.severity} />
                  <Link href={`/incidents/${i.id}`} className="font-medium underline">
                    {i.title}
                  </Link>
                  <span className="text-neutral-500">
                    {typeLabel(i.type.key)} · {formatMoment(i.startedAt)}
                  </span>
                  <span className="tabular-nums">
                    MTTA{" "}
                    {i.acknowledgedAt
                      ? formatDuration((Date.parse(i.acknowledgedAt) - Date.parse(i.startedAt)) / 1000)
                      : "never acknowledged"}
                  </span>
                  <span className="tabular-nums">
                    · MTTR {formatDuration((Date.parse(i.resolvedAt!) - Date.parse(i.startedAt)) / 1000)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
