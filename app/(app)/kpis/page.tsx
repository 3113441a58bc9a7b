import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current";
import { ApiError } from "@/lib/errors";
import { KpiQuery, periodOf } from "@/lib/metrics/schemas";
import { getMetricsView, resolveTimeZone } from "@/lib/metrics/queries";
import { addMonths, addQuarters, dayOf, dayRange, isTimeZone, monthOf, quarterOf } from "@/lib/metrics/window";
import { MetricsFilters, type FilterState } from "@/components/metrics/metrics-filters";
import { MetricsView } from "@/components/metrics/metrics-view";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { InvalidFilters } from "@/components/metrics/invalid-filters";

export const metadata: Metadata = { title: "Metrics" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function MetricsPage({ searchParams }: { searchParams: Search }) {
  await requireUser();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  // The range picker sends days in the zone; they become the API's from/to instants.
  if (raw.fromDate && raw.toDate && !raw.from && !raw.to) {
    const range = dayRange(raw.fromDate, raw.toDate, await resolveTimeZone(isTimeZone(raw.tz ?? "") ? raw.tz! : null));
    if (range) {
      // The days are the picker's, not the API's query: KpiQuery rejects keys it does not know.
      Object.assign(raw, { from: range.from.toISOString(), to: range.to.toISOString() });
      delete raw.fromDate;
      delete raw.toDate;
    }
  }
  const parsed = KpiQuery.safeParse(raw);
  if (!parsed.success) return <InvalidFilters title="Metrics" href="/kpis" error={parsed.error} />;
  const q = parsed.data;
  const tz = await resolveTimeZone(q.tz ?? null);
  const period = periodOf(q, tz);
  const view = await getMetricsView({ repo: q.repo ?? null, period, tz }).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === "not_found") return null;
    throw error;
  });
  if (!view) {
    return (
      <>
        <PageHeader title="Metrics" />
        <EmptyState
          title={`steward does not sync ${q.repo}`}
          action={
            <Link href="/kpis" className="text-sky-700 underline dark:text-sky-400">
              Show all repositories
            </Link>
          }
        >
          Pick a repository from the filter, or add this one in Settings → Repositories.
        </EmptyState>
      </>
    );
  }
  const month = period.kind === "month" ? period.month : monthOf(new Date(view.window.end), tz);
  const quarter = period.kind === "quarter" ? period.quarter : quarterOf(month);
  const state: FilterState = {
    view: period.kind,
    month,
    quarter,
    from: q.from ?? view.window.start,
    to: q.to ?? view.window.end,
    fromDate: dayOf(new Date(view.window.start), tz),
    toDate: dayOf(new Date(new Date(view.window.end).getTime() - 1), tz),
    repo: q.repo ?? "",
    tz: q.tz ?? null,
  };
  const base = { ...(q.repo ? { repo: q.repo } : {}), ...(q.tz ? { tz: q.tz } : {}) };
  const link = (p: Record<string, string>) => `/kpis?${new URLSearchParams({ ...p, ...base })}`;
  const [prevHref, nextHref] =
    period.kind === "month"
      ? [link({ month: addMonths(month, -1) }), link({ month: addMonths(month, 1) })]
      : period.kind === "quarter"
        ? [link({ quarter: addQuarters(quarter, -1) }), link({ quarter: addQuarters(quarter, 1) })]
        : [null, null];
  const downloadQuery = new URLSearchParams({
    ...(period.kind === "month"
      ? { month }
      : period.kind === "quarter"
        ? { quarter }
        : { from: view.window.start, to: view.window.end }),
    ...base,
  }).toString();
  const quarterly = period.kind === "quarter";
  return (
    <>
      <PageHeader
        title={quarterly ? `Quarterly review ${quarter}` : `Metrics ${view.window.label}`}
        description="Monthly and quarterly KPIs for the metrics review, each with its definition, the previous period and the runbook's target."
      />
      <MetricsFilters state={state} repositories={view.repositories} prevHref={prevHref} nextHref={nextHref} />
      {view.repositories.length === 0 && view.runtimeTargets.length === 0 ? (
        <EmptyState
          title="Nothing to measure yet"
          action={
            <Link href="/settings/repositories" className="text-sky-700 underline dark:text-sky-400">
              Connect a repository
            </Link>
          }
        >
          Metrics are computed from synced GitHub repositories and health targets. Connect a repository in Settings →
          Repositories, or add a health target.
        </EmptyState>
      ) : (
        <MetricsView view={view} downloadQuery={downloadQuery} quarterly={quarterly} />
      )}
    </>
  );
}
