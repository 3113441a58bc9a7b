// One target for its detail page: what is checked, current levels, last check, uptime, resolved
// thresholds and the alert history — JSON-shaped like overview-view.ts.
import "server-only";
import { db } from "@/lib/db";
import { Prisma, type HealthLevel, type HealthTargetKind } from "@/lib/generated/prisma/client";
import {
  getBreakers,
  getUptimeWindows,
  toKpiViews,
  toLastCheckView,
  type BreakersView,
  type KpiView,
  type LastCheckView,
  type UptimeView,
} from "./overview-view";
import { getLastChecks, listAlertEvents, targetStatus, type TargetStatus } from "./queries";
import { CHECK_METRIC } from "../store/record";
import { edgeSamplesSql } from "../store/raw-samples-sql";
import { ThresholdOverridesInput } from "../schemas";
import { checkConfig, targetConfig, type TargetConfig } from "../targets/target-config";
import { getDayTimeline, getDowntimes } from "./timeline-view";
import type { Downtime } from "./downtime";
import type { Segment } from "@/lib/charts/status-timeline";
import { getEnv } from "@/lib/env";
import type { Role } from "@/lib/auth/roles";
import {
  DEFAULT_THRESHOLDS,
  KPI_NAMES,
  resolveThresholds,
  type Kpi,
  type KpiThreshold,
  type Thresholds,
} from "../store/thresholds";

const ALERT_HISTORY_LIMIT = 100;

export type AlertEventJson = {
  id: string;
  kpi: string;
  from: HealthLevel | null;
  to: HealthLevel;
  value: number;
  at: string;
};

export type TargetDetailView = {
  id: string;
  name: string;
  slug: string;
  serviceGroup: string;
  kind: HealthTargetKind;
  enabled: boolean;
  intervalSeconds: number;
  breachesToChange: number;
  nextCheckAt: string | null;
  /** What is checked, in words (URLs without query string or credentials; headers are never shown). */
  checks: string[];
  status: TargetStatus;
  kpis: Partial<Record<string, KpiView>>;
  breakers: BreakersView | null;
  lastCheck: LastCheckView | null;
  lastFailure: LastCheckView | null;
  /**
   * Admins only (null for every other role): a longer escaped excerpt (up to 1,000 characters) of the
   * response behind the newest failed check, when it failed on the body's content.
   */
  failureExcerpt: string | null;
  uptime: UptimeView[];
  thresholds: Record<Kpi, KpiThreshold & { overridden: boolean }>;
  /** Newest first, at most `alertLimit`. */
  alerts: AlertEventJson[];
  alertLimit: number;
  createdAt: string;
  /** The last 24 hours in half-hour segments. */
  timeline: Segment[];
  /** Runs of failed checks within the raw retention, newest first. */
  downtimes: Downtime[];
  downtimeDays: number;
  generatedAt: string;
};

/** Origin and path only: a query string or user:password in a URL may be a secret. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}${u.search ? "?…" : ""}`;
  } catch {
    return "(invalid URL)";
  }
}

/** With secrets, so displayUrl can say a query exists ("?…"); without them if they cannot be opened. */
function describedConfig(target: Parameters<typeof checkConfig>[0]): TargetConfig {
  try {
    return checkConfig(target);
  } catch {
    return targetConfig(target);
  }
}

export function describeConfig(config: TargetConfig, intervalSeconds: number): string[] {
  switch (config.kind) {
    case "http": {
      const c = config.check;
      const lines = [
        `${c.method} ${displayUrl(c.url)} every ${intervalSeconds} s, timeout ${c.timeoutMs} ms`,
        `expects status ${c.expectedStatus.min}–${c.expectedStatus.max}`,
      ];
      if (c.keyword) lines.push(`body must contain “${c.keyword}”`);
      if (c.jsonPath) lines.push(`JSON ${c.jsonPath.path} must equal ${JSON.stringify(c.jsonPath.equals)}`);
      if (c.headers) lines.push(`${Object.keys(c.headers).length} custom header(s)`);
      return lines;
    }
    case "prometheus": {
      const limit = config.mapping.memoryLimitBytes;
      return [
        `scrapes ${displayUrl(config.url)} every ${intervalSeconds} s, timeout ${config.timeoutMs} ms`,
        limit
          ? `memory limit ${Math.round(limit / 1024 / 1024)} MiB`
          : "no memory limit configured: memory % is not computed",
      ];
    }
    case "push":
      return config.heartbeats
        ? [
            `receives pushes; a heartbeat is expected every ${intervalSeconds} s (missing for ${1.5 * intervalSeconds} s = a failed check)`,
          ]
        : ["receives pushes; no heartbeats expected, so it is never checked"];
  }
}

function thresholdsOf(raw: unknown): TargetDetailView["thresholds"] {
  const parsed = ThresholdOverridesInput.safeParse(raw ?? {});
  const resolved: Thresholds = parsed.success ? resolveThresholds(parsed.data) : DEFAULT_THRESHOLDS;
  const overrides = parsed.success ? parsed.data : {};
  return Object.fromEntries(
    KPI_NAMES.map((k) => [k, { ...resolved[k], overridden: overrides[k] !== undefined }]),
  ) as TargetDetailView["thresholds"];
}

async function lastFailure(targetId: string) {
  const [s] = await db.$queryRaw<
    Array<{
      at: Date;
      value: number;
      status: number | null;
      failureKind: string | null;
      failureMessage: string | null;
      failureDetail: string | null;
    }>
  >`SELECT "at", value, status, "failureKind", "failureMessage", "failureDetail"
    FROM ${edgeSamplesSql({ targetId: Prisma.sql`${targetId}::uuid`, metric: CHECK_METRIC, n: 1, order: "newest", failedOnly: true })} s`;
  return (
    s && {
      at: s.at,
      ok: false,
      durationMs: s.value,
      status: s.status,
      failureKind: s.failureKind,
      failureMessage: s.failureMessage,
      failureDetail: s.failureDetail,
    }
  );
}

/** Who reads the view: the longer failure excerpt is for admins only. */
export type DetailViewer = { role: Role };

export async function getTargetDetailView(
  id: string,
  viewer: DetailViewer,
  now = new Date(),
): Promise<TargetDetailView | null> {
  const target = await db.healthTarget.findUnique({ where: { id }, include: { states: { orderBy: { kpi: "asc" } } } });
  if (!target) return null;
  const kpis = target.states.map((s) => ({
    kpi: s.kpi,
    level: s.level,
    value: s.lastValue,
    at: s.lastAt,
    since: s.changedAt,
  }));
  const downtimeDays = getEnv().STEWARD_HEALTH_RAW_RETENTION_DAYS;
  const [checks, failure, uptime, breakers, alerts, timeline, downtimes] = await Promise.all([
    getLastChecks([id]),
    lastFailure(id),
    getUptimeWindows([id], now),
    getBreakers([{ id, kpis }]),
    listAlertEvents({ targetId: id, limit: ALERT_HISTORY_LIMIT }),
    getDayTimeline(id, target.createdAt, now),
    getDowntimes(id, new Date(now.getTime() - downtimeDays * 86_400_000), now),
  ]);
  return {
    id,
    name: target.name,
    slug: target.slug,
    serviceGroup: target.serviceGroup,
    kind: target.kind,
    enabled: target.enabled,
    intervalSeconds: target.intervalSeconds,
    breachesToChange: target.breachesToChange,
    nextCheckAt: target.nextCheckAt?.toISOString() ?? null,
    checks: describeConfig(describedConfig(target), target.intervalSeconds),
    status: targetStatus(
      target.enabled,
      target.states.map((s) => s.level),
    ),
    kpis: toKpiViews(kpis),
    breakers: breakers.get(id) ?? null,
    lastCheck: toLastCheckView(checks.get(id)),
    lastFailure: toLastCheckView(failure),
    failureExcerpt: viewer.role === "admin" ? (failure?.failureDetail ?? null) : null,
    uptime: uptime.get(id) ?? [],
    thresholds: thresholdsOf(target.thresholds),
    alerts: alerts.map((a) => ({
      id: a.id,
      kpi: a.kpi,
      from: a.from,
      to: a.to,
      value: a.value,
      at: a.at.toISOString(),
    })),
    alertLimit: ALERT_HISTORY_LIMIT,
    createdAt: target.createdAt.toISOString(),
    timeline,
    downtimes,
    downtimeDays,
    generatedAt: now.toISOString(),
  };
}
