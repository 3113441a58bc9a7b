// What the health pages show, as JSON (ISO dates), so a server page's prefetch and the live-refresh
// API return the same shape. Problems first: groups and targets are ordered by status severity.
import "server-only";
import { db } from "@/lib/db";
import { Prisma, type HealthLevel, type HealthTargetKind } from "@/lib/generated/prisma/client";
import { getLastChecks, targetStatus, type HealthOverviewTarget, type LastCheck, type TargetStatus } from "./queries";
import {
  DEFAULT_OVERVIEW_FILTER,
  emptyCounts,
  planOverview,
  type GroupSummary,
  type OverviewFilter,
  type OverviewPlan,
  type OverviewState,
} from "./overview-plan";
import { getUptime, type Uptime } from "./uptime";
import { getRecentCheckSegments } from "./timeline-view";
import { edgeSamplesSql, rawSamplesSql, ts } from "../store/raw-samples-sql";
import type { Segment } from "@/lib/charts/status-timeline";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const UPTIME_WINDOWS = { "24h": DAY_MS, "7d": 7 * DAY_MS, "30d": 30 * DAY_MS, "90d": 90 * DAY_MS } as const;
export type UptimeWindow = keyof typeof UPTIME_WINDOWS;

/** `maintenance`: checks during maintenance windows, left out of `pct` and `checks`. */
export type UptimeView = { window: UptimeWindow; pct: number | null; checks: number; maintenance: number };
export type KpiView = {
  kpi: string;
  level: HealthLevel;
  value: number | null;
  at: string | null;
  since: string | null;
};
export type BreakerState = "closed" | "open" | "half-open";
export type BreakersView = { state: BreakerState; names: string[] };
export type LastCheckView = {
  at: string;
  ok: boolean;
  durationMs: number;
  status: number | null;
  failureKind: string | null;
  failureMessage: string | null;
};
export type SparkPoint = { t: number; ms: number };

export type OverviewTargetView = {
  id: string;
  name: string;
  slug: string;
  kind: HealthTargetKind;
  intervalSeconds: number;
  status: TargetStatus;
  uptime: UptimeView[];
  kpis: Partial<Record<string, KpiView>>;
  breakers: BreakersView | null;
  lastCheck: LastCheckView | null;
  /** Mean response time per minute over the last hour. */
  sparkline: SparkPoint[];
  /** The last checks, oldest first, for the status timeline. */
  recent: Segment[];
};
/** A service group's section: its status and counts over all its targets, and the cards shown of it. */
export type OverviewGroupView = GroupSummary & { targets: OverviewTargetView[] };
export type HealthOverviewView = {
  generatedAt: string;
  counts: Record<TargetStatus, number>;
  total: number;
  filter: { state: OverviewState | null; group: string | null; size: number };
  /** See overview-plan.ts: "all" (every group open), "summary" (problems, then collapsed groups), "list" (filtered). */
  mode: OverviewPlan["mode"];
  /** Targets matching the filter (summary: targets with problems); `groups` holds one page of them. */
  matched: number;
  page: number;
  pages: number;
  /** The cards of this page, by service group. */
  groups: OverviewGroupView[];
  /** Every service group with its counts by state, worst first. */
  serviceGroups: GroupSummary[];
};

const iso = (d: Date | null) => (d === null ? null : d.toISOString());
const BREAKER_BY_VALUE: Record<number, BreakerState> = { 0: "closed", 1: "open", 2: "half-open" };

export function toLastCheckView(c: LastCheck | null | undefined): LastCheckView | null {
  return c
    ? {
        at: c.at.toISOString(),
        ok: c.ok,
        durationMs: c.durationMs,
        status: c.status,
        failureKind: c.failureKind,
        failureMessage: c.failureMessage,
      }
    : null;
}

export function toKpiViews(kpis: HealthOverviewTarget["kpis"]): Partial<Record<string, KpiView>> {
  return Object.fromEntries(
    kpis.map((k) => [k.kpi, { kpi: k.kpi, level: k.level, value: k.value, at: iso(k.at), since: iso(k.since) }]),
  );
}

const WINDOWS = Object.entries(UPTIME_WINDOWS) as Array<[UptimeWindow, number]>;

/** Uptime over the last 24 h, 7 d, 30 d and 90 d, in that order (see uptime.ts for how each window is counted). */
function getUptimeByWindow(ids: string[], now: Date): Promise<Array<Map<string, Uptime>>> {
  return Promise.all(WINDOWS.map(([, ms]) => getUptime(ids, new Date(now.getTime() - ms), now, now)));
}

/** Uptime over the last 24 h, 7 d, 30 d and 90 d per target; `counted`: getUptimeByWindow's, when already asked. */
export async function getUptimeWindows(
  ids: string[],
  now: Date,
  counted: Promise<Array<Map<string, Uptime>>> = getUptimeByWindow(ids, now),
): Promise<Map<string, UptimeView[]>> {
  const results = await counted;
  return new Map(
    ids.map((id) => [
      id,
      WINDOWS.map(([window], i) => ({
        window,
        pct: results[i]!.get(id)?.pct ?? null,
        checks: results[i]!.get(id)?.checks ?? 0,
        maintenance: results[i]!.get(id)?.maintenance ?? 0,
      })),
    ]),
  );
}

/** The worst breaker state (from the KPI state) and the breakers in it (from the newest sample's labels). */
export async function getBreakers(
  targets: Array<{ id: string; kpis: HealthOverviewTarget["kpis"] }>,
): Promise<Map<string, BreakersView>> {
  const withBreakers = targets.filter((t) => t.kpis.some((k) => k.kpi === "breaker_state" && k.value !== null));
  if (withBreakers.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ targetId: string; labels: { breakers?: string } | null }>>`
    SELECT t.id AS "targetId", s.labels FROM unnest(${withBreakers.map((t) => t.id)}::uuid[]) AS t(id)
    CROSS JOIN LATERAL ${edgeSamplesSql({ targetId: Prisma.sql`t.id`, metric: "breaker_state", n: 1, order: "newest" })} s`;
  const names = new Map(rows.map((r) => [r.targetId, (r.labels?.breakers ?? "").split(",").filter(Boolean)]));
  return new Map(
    withBreakers.map((t) => {
      const value = t.kpis.find((k) => k.kpi === "breaker_state")!.value!;
      return [t.id, { state: BREAKER_BY_VALUE[value] ?? "open", names: names.get(t.id) ?? [] }];
    }),
  );
}

async function getSparklines(ids: string[], now: Date): Promise<Map<string, SparkPoint[]>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ targetId: string; t: number; ms: number }>>`
    SELECT "targetId", (floor(extract(epoch FROM "at") / 60) * 60000)::float8 AS t, avg(value)::float8 AS ms
    FROM unnest(${ids}::uuid[]) AS tg(id) CROSS JOIN LATERAL ${rawSamplesSql({ targetId: Prisma.sql`tg.id`, metric: "response_time_ms", from: ts(new Date(now.getTime() - HOUR_MS)), to: ts(now) })} s
    WHERE "at" > ${new Date(now.getTime() - HOUR_MS)}::timestamptz
    GROUP BY 1, 2 ORDER BY 1, 2`;
  const out = new Map<string, SparkPoint[]>();
  for (const r of rows) (out.get(r.targetId) ?? out.set(r.targetId, []).get(r.targetId)!).push({ t: r.t, ms: r.ms });
  return out;
}

/**
 * The overview for a filter: counts by state and every service group's counts from the targets and
 * their KPI states (no samples read), then the card data (last check, uptime windows, sparkline,
 * recent checks, breakers) for the targets on the page only — at most `filter.size` of them.
 */
export async function getHealthOverviewView(
  now = new Date(),
  filter: OverviewFilter = DEFAULT_OVERVIEW_FILTER,
): Promise<HealthOverviewView> {
  const targets = await db.healthTarget.findMany({
    select: {
      id: true,
      name: true,
      slug: true,
      serviceGroup: true,
      kind: true,
      intervalSeconds: true,
      enabled: true,
      states: {
        orderBy: { kpi: "asc" },
        select: { kpi: true, level: true, lastValue: true, lastAt: true, changedAt: true },
      },
    },
  });
  const counts = emptyCounts();
  const all = targets.map((t) => {
    const status = targetStatus(
      t.enabled,
      t.states.map((s) => s.level),
    );
    counts[status] += 1;
    return { ...t, status };
  });
  const plan = planOverview(all, filter);
  const shown = plan.shown as typeof all;
  const ids = shown.map((t) => t.id);
  const kpisOf = (t: (typeof all)[number]) =>
    t.states.map((s) => ({ kpi: s.kpi, level: s.level, value: s.lastValue, at: s.lastAt, since: s.changedAt }));
  const [checks, uptime, breakers, sparklines, recent] = await Promise.all([
    getLastChecks(ids),
    getUptimeWindows(ids, now),
    getBreakers(shown.map((t) => ({ id: t.id, kpis: kpisOf(t) }))),
    getSparklines(ids, now),
    getRecentCheckSegments(ids, now),
  ]);
  const summaries = new Map(plan.groups.map((g) => [g.name, g]));
  const groups: OverviewGroupView[] = [];
  for (const t of shown) {
    const view: OverviewTargetView = {
      id: t.id,
      name: t.name,
      slug: t.slug,
      kind: t.kind,
      intervalSeconds: t.intervalSeconds,
      status: t.status,
      uptime: uptime.get(t.id) ?? [],
      kpis: toKpiViews(kpisOf(t)),
      breakers: breakers.get(t.id) ?? null,
      lastCheck: toLastCheckView(checks.get(t.id)),
      sparkline: sparklines.get(t.id) ?? [],
      recent: recent.get(t.id) ?? [],
    };
    const last = groups.at(-1);
    if (last?.name === t.serviceGroup) last.targets.push(view);
    else {
      const g = summaries.get(t.serviceGroup)!;
      groups.push({ name: g.name, status: g.status, total: g.total, counts: g.counts, targets: [view] });
    }
  }
  return {
    generatedAt: now.toISOString(),
    counts,
    total: all.length,
    filter: { state: filter.state ?? null, group: filter.group ?? null, size: filter.size },
    mode: plan.mode,
    matched: plan.matched,
    page: plan.page,
    pages: plan.pages,
    groups,
    serviceGroups: plan.groups,
  };
}
