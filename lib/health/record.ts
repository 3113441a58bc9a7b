/**
 * Stores observations of one target and moves its alert states, in one transaction: raw samples,
 * rollup marks for their minutes, HealthState per KPI and an AlertEvent per level change.
 *
 * Checks (HTTP checks, scrapes, heartbeats) are samples of metric "check" (ok set, value = duration
 * in ms) and drive the KPI "up": a failed check observes "critical". KPI samples are evaluated
 * against the target's thresholds. Observations older than the state's last one (late pushes) are
 * stored but do not move the state, so the state machine always sees time order.
 */
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { Prisma, type AlertEvent, type HealthTarget } from "@/lib/generated/prisma/client";
import { ThresholdOverridesInput } from "./schemas";
import { DEFAULT_THRESHOLDS, evaluate, KPI_NAMES, nextState, resolveThresholds, type AlertState, type Kpi, type Level, type Thresholds } from "./thresholds";

export const CHECK_METRIC = "check";
export const UP_KPI = "up";

export interface CheckObservation {
  at: Date;
  ok: boolean;
  durationMs: number;
  status?: number;
  failure?: { kind: string; message: string };
}

export interface MetricObservation {
  at: Date;
  metric: string;
  value: number;
  labels?: Record<string, string>;
}

export interface TargetObservations {
  checks?: CheckObservation[];
  metrics?: MetricObservation[];
}

export type RecordableTarget = Pick<HealthTarget, "id" | "name" | "thresholds" | "breachesToChange">;
export type RecordSummary = { samples: number; events: AlertEvent[] };

const MINUTE_MS = 60_000;
const isKpi = (metric: string): metric is Kpi => (KPI_NAMES as readonly string[]).includes(metric);

function thresholdsOf(target: RecordableTarget): Thresholds {
  const parsed = ThresholdOverridesInput.safeParse(target.thresholds ?? {});
  if (parsed.success) return resolveThresholds(parsed.data);
  logger.warn("health target has invalid thresholds; using the defaults", { targetId: target.id });
  return DEFAULT_THRESHOLDS;
}

type Observed = { kpi: string; level: Level; value: number; at: Date };

function observationsOf(target: RecordableTarget, obs: TargetObservations): Map<string, Observed[]> {
  const thresholds = thresholdsOf(target);
  const all: Observed[] = [
    ...(obs.checks ?? []).map((c) => ({ kpi: UP_KPI, level: (c.ok ? "ok" : "critical") as Level, value: c.ok ? 1 : 0, at: c.at })),
    ...(obs.metrics ?? []).flatMap((m) => (isKpi(m.metric) ? [{ kpi: m.metric, level: evaluate(m.metric, m.value, thresholds), value: m.value, at: m.at }] : [])),
  ];
  const byKpi = new Map<string, Observed[]>();
  for (const o of all.sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const list = byKpi.get(o.kpi) ?? [];
    list.push(o);
    byKpi.set(o.kpi, list);
  }
  return byKpi;
}

async function markRollupsPending(tx: Prisma.TransactionClient, targetId: string, samples: Array<{ metric: string; at: Date }>): Promise<void> {
  const keys = new Map<string, { metric: string; minute: Date }>();
  for (const s of samples) {
    const minute = new Date(Math.floor(s.at.getTime() / MINUTE_MS) * MINUTE_MS);
    keys.set(`${s.metric}|${minute.getTime()}`, { metric: s.metric, minute });
  }
  if (keys.size === 0) return;
  // Sorted, so two transactions never take the same rows in opposite orders.
  const rows = [...keys.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, k]) => Prisma.sql`(${targetId}::uuid, ${k.metric}, ${k.minute}::timestamptz)`);
  await tx.$executeRaw`INSERT INTO "HealthRollupPending" ("targetId", "metric", "minute") VALUES ${Prisma.join(rows)}
    ON CONFLICT ("targetId", "metric", "minute") DO UPDATE SET "version" = "HealthRollupPending"."version" + 1`;
}

async function advanceStates(tx: Prisma.TransactionClient, target: RecordableTarget, byKpi: Map<string, Observed[]>): Promise<AlertEvent[]> {
  if (byKpi.size === 0) return [];
  const stored = await tx.healthState.findMany({ where: { targetId: target.id, kpi: { in: [...byKpi.keys()] } } });
  const events: Prisma.AlertEventCreateManyInput[] = [];
  for (const [kpi, observed] of byKpi) {
    const row = stored.find((s) => s.kpi === kpi);
    // No row yet: the KPI is pending (never observed). Its first observation sets the level outright — a target
    // failing from its first check is critical at once, not "ok" for a few checks and then "ok → critical".
    let state: AlertState | null = row ? { level: row.level, consecutiveBreaches: row.consecutiveBreaches, pendingLevel: row.pendingLevel } : null;
    let lastAt = row?.lastAt ?? null;
    let lastValue = row?.lastValue ?? null;
    let changedAt = row?.changedAt ?? null;
    for (const o of observed) {
      if (lastAt !== null && o.at < lastAt) continue;
      if (state === null) {
        state = { level: o.level, consecutiveBreaches: 0, pendingLevel: null };
        changedAt = lastAt = o.at;
        lastValue = o.value;
        continue;
      }
      const step = nextState(state, o.level, { breachesToChange: target.breachesToChange, kpi, value: o.value, at: o.at });
      state = step.state;
      if (step.event) {
        events.push({ targetId: target.id, targetName: target.name, ...step.event });
        changedAt = o.at;
      }
      lastAt = o.at;
      lastValue = o.value;
    }
    if (state === null) continue;
    const data = { ...state, lastAt, lastValue, changedAt };
    await tx.healthState.upsert({ where: { targetId_kpi: { targetId: target.id, kpi } }, create: { targetId: target.id, kpi, ...data }, update: data });
  }
  return events.length > 0 ? tx.alertEvent.createManyAndReturn({ data: events }) : [];
}

/** Inside a caller's transaction (the push API records a whole batch atomically). */
export async function recordObservationsIn(tx: Prisma.TransactionClient, target: RecordableTarget, obs: TargetObservations): Promise<RecordSummary> {
  // One writer per target at a time: a scheduled check and a push must not interleave state updates.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`steward.health-target:${target.id}`}))`;
  const samples: Array<Prisma.HealthSampleCreateManyInput & { at: Date }> = [
    ...(obs.checks ?? []).map((c) => ({
      targetId: target.id,
      at: c.at,
      metric: CHECK_METRIC,
      value: c.durationMs,
      ok: c.ok,
      status: c.status,
      failureKind: c.failure?.kind,
      failureMessage: c.failure?.message.slice(0, 1000),
    })),
    ...(obs.metrics ?? []).map((m) => ({ targetId: target.id, at: m.at, metric: m.metric, value: m.value, labels: m.labels })),
  ];
  if (samples.length > 0) await tx.healthSample.createMany({ data: samples });
  await markRollupsPending(tx, target.id, samples);
  const events = await advanceStates(tx, target, observationsOf(target, obs));
  return { samples: samples.length, events };
}

export async function recordObservations(target: RecordableTarget, obs: TargetObservations): Promise<RecordSummary> {
  return db.$transaction((tx) => recordObservationsIn(tx, target, obs), { timeout: 30_000, maxWait: 30_000 });
}
