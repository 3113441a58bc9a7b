import { formatValue } from "@/lib/metrics/format";
import type { MetricsView } from "@/lib/metrics/queries";

/** The runbook's quarterly "Performance Review → Metrics to analyze", each with steward's number or why there is none. */
export function QuarterlyChecklist({ view }: { view: MetricsView }) {
  const k = (id: string) => view.kpis.find((x) => x.id === id);
  const show = (id: string) => {
    const kpi = k(id);
    return kpi ? formatValue(kpi.unit, kpi.value) : "—";
  };
  const items: Array<[string, string]> = [
    [
      "Issues: opened vs closed trend",
      `${show("issues.opened")} opened, ${show("issues.closed")} closed this quarter (monthly bars below)`,
    ],
    [
      "Response times: average time to first response",
      `${show("issues.first_response.mean")} (issues), ${show("prs.first_response.mean")} (pull requests)`,
    ],
    [
      "Resolution times: average time to close",
      `${show("issues.time_to_close.mean")} (issues); bug MTTR ${show("bugs.mttr.mean")}`,
    ],
    ["User satisfaction: based on feedback", "No data source."],
    ["Code quality: test coverage, lint scores", "No data source."],
    [
      "Community: contributors, engagement",
      `${show("community.new_contributors")} new ${k("community.new_contributors")?.value === 1 ? "contributor" : "contributors"}; stars ${show("community.stars")}, forks ${show("community.forks")}`,
    ],
  ];
  return (
    <section
      aria-labelledby="g-quarter"
      className="rounded-lg border border-neutral-200 bg-white p-4 shadow-sm dark:border-neutral-800 dark:bg-neutral-900"
    >
      <h2 id="g-quarter" className="mb-3 text-lg font-semibold">
        Quarterly review: metrics to analyze
      </h2>
      <dl className="grid gap-2 text-sm sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        {items.map(([what, value]) => (
          <div key={what} className="contents">
            <dt className="font-medium">{what}</dt>
            <dd className="text-neutral-700 dark:text-neutral-300">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
