import { KPI_BY_ID, NO_DATA_SOURCE, type KpiGroup } from "@/lib/metrics/definitions";
import { formatValue } from "@/lib/metrics/format";
import type { MetricsView as View } from "@/lib/metrics/queries";
import { CSV_TABLES } from "@/lib/metrics/report";
import { RUNTIME_FLEET_SPECS } from "@/lib/metrics/runtime";
import { KpiTile } from "@/components/ui/kpi-tile";
import { IncidentTypesTable } from "./incident-types-table";
import { metricsTileProps } from "./kpi-tile-props";
import { MetricsCharts } from "./metrics-charts";
import { NotableList } from "./notable-list";
import { QuarterlyChecklist } from "./quarterly-checklist";
import { RuntimeSummary } from "./runtime-summary";

const GROUPS: Array<[KpiGroup, string]> = [
  ["issues", "Issues"],
  ["prs", "Pull requests"],
  ["bugs", "Bugs"],
  ["ci", "Default-branch CI"],
  ["releases", "Releases"],
  ["alerts", "Security alerts"],
  ["community", "Community"],
  ["runtime", "Runtime"],
  ["incidents", "Incidents"],
  ["triage", "Triage"],
];
/**
 * Tiles shown per group; the API and the report carry every statistic. Runtime: the fleet's tiles
 * (`runtime.*.`), each target's values in the table under them (RuntimeSummary).
 */
const HIDDEN =
  /^(issues|prs|bugs)\..*\.(count|p90)$|^prs\.first_response\.(median|mean)$|^incidents\.type\.|^runtime\.(?!\*\.)/;

export function MetricsView({
  view,
  downloadQuery,
  quarterly,
}: {
  view: View;
  downloadQuery: string;
  quarterly: boolean;
}) {
  const labels = new Map([...KPI_BY_ID].map(([id, s]) => [id, s.label]));
  for (const s of RUNTIME_FLEET_SPECS) labels.set(s.id, s.label);
  const groupOf = (id: string): KpiGroup =>
    KPI_BY_ID.get(id)?.group ?? (id.startsWith("incidents.") ? "incidents" : "runtime");
  return (
    <div className="space-y-8">
      <p className="text-sm text-neutral-600 dark:text-neutral-400" data-testid="window">
        {view.repo ?? "All repositories"} · {view.window.label} ·{" "}
        {new Date(view.window.start).toISOString().slice(0, 16).replace("T", " ")} –{" "}
        {new Date(view.window.end).toISOString().slice(0, 16).replace("T", " ")} UTC (end excluded, bounds are midnight
        in {view.window.tz}) · compared with {view.previousWindow.label}
      </p>
      <nav aria-label="Downloads" className="flex flex-wrap gap-3 text-sm print:hidden">
        <a
          href={`/api/v1/kpis/report?${downloadQuery}&format=md`}
          download
          className="font-medium text-sky-700 underline dark:text-sky-400"
        >
          Markdown report ({view.window.label}.md)
        </a>
        {CSV_TABLES.map((t) => (
          <a
            key={t}
            href={`/api/v1/kpis/report?${downloadQuery}&format=csv&table=${t}`}
            download
            className="text-sky-700 underline dark:text-sky-400"
          >
            CSV: {t}
          </a>
        ))}
      </nav>
      {quarterly && <QuarterlyChecklist view={view} />}
      {GROUPS.map(([group, title]) => {
        const kpis = view.kpis.filter((k) => groupOf(k.id) === group && !HIDDEN.test(k.id));
        if (kpis.length === 0) return null;
        return (
          <section key={group} aria-labelledby={`g-${group}`}>
            <h2 id={`g-${group}`} className="mb-3 text-lg font-semibold">
              {title}
            </h2>
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4 print:grid-cols-3">
              {kpis.map((k) => (
                <KpiTile key={k.id} {...metricsTileProps(k, labels.get(k.id) ?? k.id, NO_DATA_SOURCE.has(k.id))} />
              ))}
            </div>
            {group === "incidents" && <IncidentTypesTable view={view} />}
            {group === "runtime" && <RuntimeSummary view={view} query={downloadQuery} />}
          </section>
        );
      })}
      <section aria-labelledby="g-charts">
        <h2 id="g-charts" className="mb-3 text-lg font-semibold">
          Trends (12 months to {view.trend.at(-1)?.month})
        </h2>
        <MetricsCharts trend={view.trend} distribution={view.distribution} runtime={view.runtimeTargets.length > 0} />
      </section>
      <section aria-labelledby="g-notable" className="grid gap-4 lg:grid-cols-2">
        <h2 id="g-notable" className="text-lg font-semibold lg:col-span-2">
          Notable items
        </h2>
        <NotableList
          title="Longest-waiting issues (no response by the end)"
          items={view.notable.waiting}
          empty="Every open issue has a response."
          verb="waiting"
        />
        <NotableList
          title="Slowest merges"
          items={view.notable.slowestMerges}
          empty="No pull request was merged in this period."
          verb="took"
        />
      </section>
      <p className="text-xs text-neutral-500">
        Values: {formatValue("count", view.kpis.length)} KPIs. Every KPI&apos;s definition is behind its ⓘ and in the
        Markdown report.
      </p>
    </div>
  );
}
