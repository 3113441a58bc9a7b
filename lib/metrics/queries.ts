// The KPI report of one period (API, page, Markdown report) and the page's trends and lists.
import "server-only";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { getTeamSchedule } from "@/lib/team/schedule";
import { KPI_SPECS, TRIAGE_SPECS, type KpiSpec } from "./definitions";
import { computeWindows, metricsConfig, toResults } from "./compute";
import { getFirstResponseDistribution, getNotable, type DistributionBucket, type Notable } from "./notable";
import { computeRuntime, listRuntimeTargets, RUNTIME_FLEET_SPECS, runtimeSpecs, type RuntimeTarget } from "./runtime";
import { computeRuntimeTrend, RUNTIME_TREND_IDS } from "./runtime/trend";
import { incidentTypeSpecs, listIncidentTypeRefs, type IncidentTypeRef } from "./incident-kpis";
import { computeTriage } from "./triage-kpis";
import type { KpiResult, KpiValues } from "./types";
import { monthOf, monthWindow, periodWindow, previousPeriod, trailingMonths, type Period, type Window } from "./window";

export type KpiReportInput = { repo: string | null; period: Period; tz: string | null; now?: Date };
export type WindowJson = { start: string; end: string; tz: string; label: string };
export type KpiReport = {
  repo: string | null;
  window: WindowJson;
  previousWindow: WindowJson;
  kpis: KpiResult[];
  runtimeTargets: RuntimeTarget[];
  /** The incident types the per-type incident KPIs (`incidents.type.<key>.*`) are given for. */
  incidentTypes: IncidentTypeRef[];
};
export type TrendPoint = { month: string; values: Record<string, number | null> };
export type MetricsView = KpiReport & {
  trend: TrendPoint[];
  notable: Notable;
  distribution: DistributionBucket[];
  repositories: string[];
};

const json = (w: Window): WindowJson => ({
  start: w.start.toISOString(),
  end: w.end.toISOString(),
  tz: w.tz,
  label: w.label,
});

export async function resolveRepoIds(repo: string | null): Promise<string[]> {
  if (repo === null) return (await db.githubRepository.findMany({ select: { id: true } })).map((r) => r.id);
  const row = await db.githubRepository.findUnique({ where: { key: repo.toLowerCase() }, select: { id: true } });
  if (!row) throw new ApiError(404, "not_found", `Repository ${repo} is not synced by steward.`);
  return [row.id];
}

export async function resolveTimeZone(tz: string | null): Promise<string> {
  return tz ?? (await getTeamSchedule()).timeZone;
}

/** `triage`: only for the reported periods, not the 12-month trend (it evaluates every item's rules). */
async function valuesFor(
  repoIds: string[],
  targets: RuntimeTarget[],
  windows: Window[],
  now: Date,
  triage = true,
): Promise<KpiValues[]> {
  const [github, runtime, tri] = await Promise.all([
    computeWindows(repoIds, windows),
    computeRuntime(targets, windows, now),
    triage ? computeTriage(repoIds, windows, now) : [],
  ]);
  return github.map((g, i) => ({ ...g, ...runtime[i], ...tri[i] }));
}

const allSpecs = (targets: RuntimeTarget[], types: IncidentTypeRef[]): KpiSpec[] => [
  ...KPI_SPECS,
  ...types.flatMap(incidentTypeSpecs),
  ...TRIAGE_SPECS,
  ...RUNTIME_FLEET_SPECS,
  ...targets.flatMap(runtimeSpecs),
];

export async function getKpiReport(input: KpiReportInput): Promise<KpiReport> {
  const now = input.now ?? new Date();
  const [repoIds, tz, targets, types] = await Promise.all([
    resolveRepoIds(input.repo),
    resolveTimeZone(input.tz),
    listRuntimeTargets(),
    listIncidentTypeRefs(),
  ]);
  const current = periodWindow(input.period, tz);
  const previous = periodWindow(previousPeriod(input.period), tz);
  const [now_, before] = await valuesFor(repoIds, targets, [current, previous], now);
  return {
    repo: input.repo,
    window: json(current),
    previousWindow: json(previous),
    kpis: toResults(now_!, before!, allSpecs(targets, types)),
    runtimeTargets: targets,
    incidentTypes: types,
  };
}

/** Ids drawn as 12-month trends on the page. */
export const TREND_IDS = [
  "issues.opened",
  "issues.closed",
  "issues.open_at_end",
  "issues.first_response.median",
  "issues.first_response.mean",
  "issues.time_to_close.mean",
  "bugs.mttr.mean",
  "prs.merged",
  "prs.merge_rate",
  "ci.pass_rate",
  "community.new_contributors",
];

export async function getMetricsView(input: KpiReportInput): Promise<MetricsView> {
  const now = input.now ?? new Date();
  const [repoIds, tz, targets, types, repos] = await Promise.all([
    resolveRepoIds(input.repo),
    resolveTimeZone(input.tz),
    listRuntimeTargets(),
    listIncidentTypeRefs(),
    db.githubRepository.findMany({ orderBy: { key: "asc" }, select: { owner: true, name: true } }),
  ]);
  const current = periodWindow(input.period, tz);
  const previous = periodWindow(previousPeriod(input.period), tz);
  const lastMonth = monthOf(new Date(current.end.getTime() - 1), tz);
  const months = trailingMonths(lastMonth, 12).map((m) => monthWindow(m, tz));
  // A month's current and previous windows are the trend's last two: compute the 12 months once. The
  // runtime trend is the fleet's (runtime-trend.ts); per target only the period and the one before.
  const isMonth = input.period.kind === "month";
  const [trendGithub, trendRuntime, pair, triage, notable, distribution] = await Promise.all([
    computeWindows(repoIds, months),
    computeRuntimeTrend(targets, months, isMonth ? new Set([10, 11]) : new Set(), now),
    isMonth
      ? computeRuntime(targets, [current, previous], now)
      : valuesFor(repoIds, targets, [current, previous], now, false),
    computeTriage(repoIds, [current, previous], now),
    getNotable(repoIds, current, metricsConfig()),
    getFirstResponseDistribution(repoIds, current, metricsConfig()),
  ]);
  const trendValues = trendGithub.map((g, i) => ({ ...g, ...trendRuntime[i] }));
  if (isMonth) Object.assign(trendValues[11]!, pair[0]);
  if (isMonth) Object.assign(trendValues[10]!, pair[1]);
  const [base, basePrev] = isMonth ? [trendValues[11], trendValues[10]] : pair;
  const cur = { ...base, ...triage[0] };
  const prev = { ...basePrev, ...triage[1] };
  const pick = (v: KpiValues) =>
    Object.fromEntries([...TREND_IDS, ...RUNTIME_TREND_IDS].map((id) => [id, v[id]?.value ?? null]));
  return {
    repo: input.repo,
    window: json(current),
    previousWindow: json(previous),
    kpis: toResults(cur!, prev!, allSpecs(targets, types)),
    runtimeTargets: targets,
    incidentTypes: types,
    trend: months.map((m, i) => ({ month: m.label, values: pick(trendValues[i]!) })),
    notable,
    distribution,
    repositories: repos.map((r) => `${r.owner}/${r.name}`),
  };
}
