// What the health pages show, as JSON (ISO dates), so a server page's prefetch and the live-refresh
// API return the same shape. Problems first: groups and targets are ordered by status severity.
import "server-only";
import { db } from "@/lib/db";
import { Prisma, type HealthLevel, type HealthTargetKind } from "@/lib/generated/prisma/client";
import { getHealthOverview, type HealthOverviewTarget, type LastCheck, type TargetStatus } from "./queries";
import { getUptime, type Uptime } from "./uptime";
import { getRecentCheckSegments } from "./timeline-view";
import { edgeSamplesSql, rawSamplesSql, ts } from "../store/raw-samples-sql";
import type { Segment } from "@/lib/charts/status-timeline";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const UPTIME_WINDOWS = { "24h": DAY_MS, "7d": 7 * DAY_MS, "30d": 30 * DAY_MS, "90d": 90 * DAY_MS } as const;
export type UptimeWindow = keyof typeof UPTIME_WINDOWS;
/** Problems first; a target not checked yet before healthy ones; disabled last. */
export const STATUS_RANK: Record<TargetStatus, number> = { critical: 0, warning: 1, pending: 2, ok: 3, disabled: 4 };

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
export type OverviewGroupView = { name: string; status: TargetStatus; targets: OverviewTargetView[] };
export type HealthOverviewView = {
  generatedAt: string;
  counts: Record<TargetStatus, number>;
  total: number;
  groups: OverviewGroupView[];
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

const byStatusThenName = (a: { status: TargetStatus; name: string }, b: { status: TargetStatus; name: string }) =>
  STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.name.localeCompare(b.name);

export async function getHealthOverviewView(now = new Date()): Promise<HealthOverviewView> {
  // The four windows are counted once, alongside the overview's other reads; its 24 h uptime is the first.
  let counted: Promise<Array<Map<string, Uptime>>> = Promise.resolve([]);
  const overview = await getHealthOverview(now, (ids) => {
    counted = getUptimeByWindow(ids, now);
    return counted.then((windows) => windows[0]!);
  });
  const ids = overview.targets.map((t) => t.id);
  const [uptime, breakers, sparklines, recent] = await Promise.all([
    getUptimeWindows(ids, now, counted),
    getBreakers(overview.targets),
    getSparklines(ids, now),
    getRecentCheckSegments(ids, now),
  ]);
  const groups = new Map<string, OverviewTargetView[]>();
  for (const t of overview.targets) {
    const view: OverviewTargetView = {
      id: t.id,
      name: t.name,
      slug: t.slug,
      kind: t.kind,
      intervalSeconds: t.intervalSeconds,
      status: t.status,
      uptime: uptime.get(t.id) ?? [],
      kpis: toKpiViews(t.kpis),
      breakers: breakers.get(t.id) ?? null,
      lastCheck: toLastCheckView(t.lastCheck),
      sparkline: sparklines.get(t.id) ?? [],
      recent: recent.get(t.id) ?? [],
    };
    (groups.get(t.serviceGroup) ?? groups.set(t.serviceGroup, []).get(t.serviceGroup)!).push(view);
  }
  const grouped = [...groups].map(([name, targets]) => {
    targets.sort(byStatusThenName);
    return { name, status: targets[0]!.status, targets };
  });
  return {
    generatedAt: now.toISOString(),
    counts: overview.counts,
    total: ids.length,
    groups: grouped.sort(byStatusThenName),
  };
}
