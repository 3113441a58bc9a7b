// The monthly metrics review as Markdown (the runbook's docs/development/metrics/YYYY-MM.md:
// summary, KPIs with deltas and targets, notable items) and every table of the page as CSV.
import { KPI_BY_ID, NO_DATA_SOURCE, type KpiGroup, type KpiSpec } from "./definitions";
import { incidentTypeRows, incidentTypeSpecs } from "./incident-specs";
import { RUNTIME_FLEET_SPECS, runtimeSpecs } from "./runtime";
import { changeText, formatDelta, formatDuration, formatValue } from "./format";
import { toCsv } from "./csv";
import type { MetricsView } from "./queries";
import type { KpiResult } from "./types";

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

/** Markdown-safe text for a table cell or list item: no pipes, newlines, or HTML. */
export function mdText(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

/** Specs of this view's KPIs: the fixed ones, one set per incident type and per runtime target. */
function specIndex(view: MetricsView): Map<string, KpiSpec> {
  const specs = new Map(KPI_BY_ID);
  for (const s of view.incidentTypes.flatMap(incidentTypeSpecs)) specs.set(s.id, s);
  for (const s of [...RUNTIME_FLEET_SPECS, ...view.runtimeTargets.flatMap(runtimeSpecs)]) specs.set(s.id, s);
  return specs;
}
type Specs = Map<string, KpiSpec>;
const labelOf = (specs: Specs, k: KpiResult) => specs.get(k.id)?.label ?? k.id;
const groupOf = (specs: Specs, k: KpiResult): KpiGroup =>
  specs.get(k.id)?.group ?? (k.id.startsWith("runtime.") ? "runtime" : "issues");

function targetCell(k: KpiResult): string {
  if (!k.target) return "";
  return `${k.target.comparison === "lt" ? "<" : "≥"} ${formatValue(k.unit, k.target.value)} (${k.target.status ?? "no data"})`;
}

function summary(view: MetricsView, specs: Specs): string[] {
  const get = (id: string) => view.kpis.find((k) => k.id === id);
  const line = (id: string) => {
    const k = get(id);
    return k
      ? `- ${labelOf(specs, k)}: **${formatValue(k.unit, k.value)}** (previous ${formatValue(k.unit, k.previous.value)}, ${formatDelta(k.unit, k.previous.delta)})`
      : "";
  };
  const targets = view.kpis.filter((k) => k.target && k.target.status !== null);
  const met = targets.filter((k) => k.target?.status === "green").length;
  return [
    ...[
      "issues.opened",
      "issues.closed",
      "issues.open_at_end",
      "prs.merge_rate",
      "issues.first_response.mean",
      "bugs.mttr.mean",
      "ci.pass_rate",
      "community.stars",
      "community.forks",
    ]
      .map(line)
      .filter(Boolean),
    `- Targets met: **${met} of ${targets.length}** with data.`,
  ];
}

export function renderMarkdown(view: MetricsView, generatedAt: Date): string {
  const specs = specIndex(view);
  const out = [
    `# Metrics review ${view.window.label}`,
    "",
    `Repository: ${view.repo ? mdText(view.repo) : "all repositories"} · Window: ${view.window.start} – ${view.window.end} (${view.window.tz}, end excluded) · Compared with ${view.previousWindow.label} · Generated ${generatedAt.toISOString()} by steward.`,
    "",
    "## Summary",
    "",
    ...summary(view, specs),
    "",
    "## KPIs",
  ];
  for (const [group, title] of GROUPS) {
    const rows = view.kpis.filter((k) => groupOf(specs, k) === group);
    if (rows.length === 0) continue;
    out.push(
      "",
      `### ${title}`,
      "",
      "| KPI | Value | Previous | Change | Target |",
      "| --- | ---: | ---: | --- | --- |",
    );
    for (const k of rows) {
      const value = NO_DATA_SOURCE.has(k.id) ? "no data source" : formatValue(k.unit, k.value);
      out.push(
        `| ${mdText(labelOf(specs, k))} | ${value} | ${formatValue(k.unit, k.previous.value)} | ${formatDelta(k.unit, k.previous.delta)} (${changeText(k)}) | ${targetCell(k)} |`,
      );
    }
  }
  out.push("", "## Notable items", "", "### Longest-waiting issues (no response by the end)", "");
  out.push(
    ...(view.notable.waiting.length
      ? view.notable.waiting.map(
          (i) =>
            `- [${mdText(i.repo)}#${i.number}](${i.url}) ${mdText(i.title)} — waiting ${formatDuration(i.seconds)}`,
        )
      : ["- None."]),
  );
  out.push("", "### Slowest merges", "");
  out.push(
    ...(view.notable.slowestMerges.length
      ? view.notable.slowestMerges.map(
          (i) =>
            `- [${mdText(i.repo)}#${i.number}](${i.url}) ${mdText(i.title)} — ${formatDuration(i.seconds)} from creation to merge`,
        )
      : ["- None."]),
  );
  const incident = (id: string) => view.kpis.find((k) => k.id === id);
  const [count, mtta, mttr] = ["incidents.count", "incidents.mtta", "incidents.mttr"].map(incident);
  out.push(
    "",
    "### Incidents",
    "",
    `- ${count?.value ?? 0} started in the period (incident board); median time to acknowledge ${formatValue("seconds", mtta?.value ?? null)}, median time to resolve ${formatValue("seconds", mttr?.value ?? null)}.`,
  );
  const byType = incidentTypeRows(view);
  if (byType.length > 0)
    out.push(
      "",
      "| Type | Incidents | Median MTTA | Median MTTR |",
      "| --- | ---: | ---: | ---: |",
      ...byType.map(
        ({ type, count: c, mtta: a, mttr: r }) =>
          `| ${mdText(type.label)} | ${c?.value ?? 0} | ${formatValue("seconds", a?.value ?? null)} | ${formatValue("seconds", r?.value ?? null)} |`,
      ),
    );
  out.push(
    "",
    "## Definitions",
    "",
    ...view.kpis.map((k) => `- **${mdText(labelOf(specs, k))}** (\`${k.id}\`): ${mdText(k.definition)}`),
    "",
  );
  return out.join("\n");
}

export const CSV_TABLES = ["kpis", "trend", "distribution", "waiting", "merges"] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export function renderCsv(view: MetricsView, table: CsvTable): string {
  const specs = specIndex(view);
  switch (table) {
    case "kpis":
      return toCsv(
        [
          "id",
          "label",
          "value",
          "unit",
          "count",
          "previous",
          "delta",
          "change",
          "target",
          "target_status",
          "definition",
        ],
        view.kpis.map((k) => [
          k.id,
          labelOf(specs, k),
          k.value,
          k.unit,
          k.count ?? null,
          k.previous.value,
          k.previous.delta,
          k.previous.change,
          k.target?.value ?? null,
          k.target?.status ?? null,
          k.definition,
        ]),
      );
    case "trend": {
      const ids = Object.keys(view.trend[0]?.values ?? {});
      return toCsv(
        ["month", ...ids],
        view.trend.map((t) => [t.month, ...ids.map((id) => t.values[id] ?? null)]),
      );
    }
    case "distribution":
      return toCsv(
        ["time_to_first_response", "issues"],
        view.distribution.map((d) => [d.label, d.count]),
      );
    case "waiting":
    case "merges":
      return toCsv(
        ["repository", "number", "title", "url", "seconds"],
        (table === "waiting" ? view.notable.waiting : view.notable.slowestMerges).map((i) => [
          i.repo,
          i.number,
          i.title,
          i.url,
          i.seconds,
        ]),
      );
  }
}
