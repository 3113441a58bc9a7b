/**
 * Stores observations of one or many targets and moves their alert states, in one transaction: raw
 * samples, rollup marks for their minutes, HealthState per KPI and an AlertEvent per level change.
 * A batch costs a fixed number of statements however many targets and samples it holds (arrays
 * through unnest, one multi-row upsert per table), so the push API's rate is close to a bulk load.
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

const sortedBy = <T>(items: T[], key: (item: T) => string) => [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

type SampleRow = { targetId: string; at: Date; metric: string; value: number; ok: boolean | null; status: number | null; failureKind: string | null; failureMessage: string | null; labels: string | null };

function sampleRows(target: RecordableTarget, obs: TargetObservations): SampleRow[] {
  const none = { ok: null, status: null, failureKind: null, failureMessage: null, labels: null };
  return [
    ...(obs.checks ?? []).map((c) => ({
      ...none,
      targetId: target.id,
      at: c.at,
      metric: CHECK_METRIC,
      value: c.durationMs,
      ok: c.ok,
      status: c.status ?? null,
      failureKind: c.failure?.kind ?? null,
      failureMessage: c.failure?.message.slice(0, 1000) ?? null,
    })),
    ...(obs.metrics ?? []).map((m) => ({ ...none, targetId: target.id, at: m.at, metric: m.metric, value: m.value, labels: m.labels === undefined ? null : JSON.stringify(m.labels) })),
  ];
}

async function insertSamples(tx: Prisma.TransactionClient, rows: SampleRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof SampleRow>(key: K) => rows.map((r) => r[key]);
  await tx.$executeRaw`INSERT INTO "HealthSample" ("targetId", "at", "metric", "value", "ok", "status", "failureKind", "failureMessage", "labels")
    SELECT t, a, m, v, o, s, fk, fm, l::jsonb FROM unnest(${column("targetId")}::uuid[], ${column("at")}::timestamptz[], ${column("metric")}::text[], ${column("value")}::float8[],
      ${column("ok")}::boolean[], ${column("status")}::int[], ${column("failureKind")}::text[], ${column("failureMessage")}::text[], ${column("labels")}::text[]) AS u(t, a, m, v, o, s, fk, fm, l)`;
}

async function markRollupsPending(tx: Prisma.TransactionClient, samples: Array<{ targetId: string; metric: string; at: Date }>): Promise<void> {
  const keys = new Map<string, { targetId: string; metric: string; minute: Date }>();
  for (const s of samples) {
    const minute = new Date(Math.floor(s.at.getTime() / MINUTE_MS) * MINUTE_MS);
    keys.set(`${s.targetId}|${s.metric}|${minute.toISOString()}`, { targetId: s.targetId, metric: s.metric, minute });
  }
  if (keys.size === 0) return;
  // Sorted, so two transactions never take the same rows in opposite orders.
  const rows = [...keys.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, k]) => k);
  await tx.$executeRaw`INSERT INTO "HealthRollupPending" ("targetId", "metric", "minute")
    SELECT t, m, at FROM unnest(${rows.map((r) => r.targetId)}::uuid[], ${rows.map((r) => r.metric)}::text[], ${rows.map((r) => r.minute)}::timestamptz[]) WITH ORDINALITY AS u(t, m, at, n) ORDER BY n
    ON CONFLICT ("targetId", "metric", "minute") DO UPDATE SET "version" = "HealthRollupPending"."version" + 1`;
}

type StateRow = { targetId: string; kpi: string; level: Level; consecutiveBreaches: number; pendingLevel: Level | null; lastValue: number | null; lastAt: Date | null; changedAt: Date | null };

async function advanceStates(tx: Prisma.TransactionClient, batch: Array<{ target: RecordableTarget; byKpi: Map<string, Observed[]> }>): Promise<AlertEvent[]> {
  const involved = batch.filter((b) => b.byKpi.size > 0);
  if (involved.length === 0) return [];
  const stored = await tx.healthState.findMany({ where: { targetId: { in: involved.map((b) => b.target.id) } } });
  const storedBy = new Map(stored.map((s) => [`${s.targetId}|${s.kpi}`, s]));
  const events: Prisma.AlertEventCreateManyInput[] = [];
  const rows: StateRow[] = [];
  for (const { target, byKpi } of involved) {
    for (const [kpi, observed] of byKpi) {
      const row = storedBy.get(`${target.id}|${kpi}`);
      let state: AlertState = row ? { level: row.level, consecutiveBreaches: row.consecutiveBreaches, pendingLevel: row.pendingLevel } : { level: "ok", consecutiveBreaches: 0, pendingLevel: null };
      let lastAt = row?.lastAt ?? null;
      let lastValue = row?.lastValue ?? null;
      let changedAt = row?.changedAt ?? null;
      for (const o of observed) {
        if (lastAt !== null && o.at < lastAt) continue;
        const step = nextState(state, o.level, { breachesToChange: target.breachesToChange, kpi, value: o.value, at: o.at });
        state = step.state;
        if (step.event) {
          events.push({ targetId: target.id, targetName: target.name, ...step.event });
          changedAt = o.at;
        }
        lastAt = o.at;
        lastValue = o.value;
      }
      rows.push({ targetId: target.id, kpi, ...state, lastAt, lastValue, changedAt });
    }
  }
  const column = <K extends keyof StateRow>(key: K) => rows.map((r) => r[key]);
  await tx.$executeRaw`INSERT INTO "HealthState" ("targetId", "kpi", "level", "consecutiveBreaches", "pendingLevel", "lastValue", "lastAt", "changedAt")
    SELECT * FROM unnest(${column("targetId")}::uuid[], ${column("kpi")}::text[], ${column("level")}::"HealthLevel"[], ${column("consecutiveBreaches")}::int[],
      ${column("pendingLevel")}::"HealthLevel"[], ${column("lastValue")}::float8[], ${column("lastAt")}::timestamptz[], ${column("changedAt")}::timestamptz[])
    ON CONFLICT ("targetId", "kpi") DO UPDATE SET "level" = EXCLUDED."level", "consecutiveBreaches" = EXCLUDED."consecutiveBreaches", "pendingLevel" = EXCLUDED."pendingLevel",
      "lastValue" = EXCLUDED."lastValue", "lastAt" = EXCLUDED."lastAt", "changedAt" = EXCLUDED."changedAt"`;
  return events.length > 0 ? tx.alertEvent.createManyAndReturn({ data: events }) : [];
}

export type BatchEntry = { target: RecordableTarget; obs: TargetObservations };

/**
 * Inside a caller's transaction: records a batch for several targets (each at most once) with a
 * fixed number of statements; returns one summary per entry, in the entries' order.
 */
export async function recordBatchIn(tx: Prisma.TransactionClient, entries: BatchEntry[]): Promise<RecordSummary[]> {
  if (entries.length === 0) return [];
  if (new Set(entries.map((e) => e.target.id)).size !== entries.length) throw new Error("recordBatchIn: one entry per target");
  const ordered = sortedBy(entries, (e) => e.target.id);
  // One writer per target at a time: a scheduled check and a push must not interleave state
  // updates. Taken in target-id order (unnest yields the array in order), so batches never deadlock.
  const keys = ordered.map((e) => `steward.health-target:${e.target.id}`);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest(${keys}::text[]) AS k`;
  const samples = ordered.flatMap((e) => sampleRows(e.target, e.obs));
  await insertSamples(tx, samples);
  await markRollupsPending(tx, samples);
  const events = await advanceStates(tx, ordered.map((e) => ({ target: e.target, byKpi: observationsOf(e.target, e.obs) })));
  return entries.map((e) => ({ samples: (e.obs.checks?.length ?? 0) + (e.obs.metrics?.length ?? 0), events: events.filter((ev) => ev.targetId === e.target.id) }));
}

/** Inside a caller's transaction, for one target. */
export async function recordObservationsIn(tx: Prisma.TransactionClient, target: RecordableTarget, obs: TargetObservations): Promise<RecordSummary> {
  const [summary] = await recordBatchIn(tx, [{ target, obs }]);
  return summary!;
}

export async function recordObservations(target: RecordableTarget, obs: TargetObservations): Promise<RecordSummary> {
  return db.$transaction((tx) => recordObservationsIn(tx, target, obs), { timeout: 30_000, maxWait: 30_000 });
}
