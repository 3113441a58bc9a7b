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
import { db, type Sql } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { AlertEvent, HealthTarget, Prisma } from "@/lib/generated/prisma/client";
import {
  insertSamplesThenLock,
  readStates,
  sqlOfTransaction,
  writeMarksStatesEvents,
  type Mark,
  type NewAlertEvent,
  type SampleRow,
  type StoredState,
} from "./record-sql";
import { ThresholdOverridesInput } from "../schemas";
import {
  DEFAULT_THRESHOLDS,
  evaluate,
  KPI_NAMES,
  nextState,
  resolveThresholds,
  type AlertState,
  type Kpi,
  type Level,
  type Thresholds,
} from "./thresholds";

export const CHECK_METRIC = "check";
export const UP_KPI = "up";

export interface CheckObservation {
  at: Date;
  ok: boolean;
  durationMs: number;
  status?: number;
  /** `detail`: admins only, a longer excerpt of the response (lib/health/checks/http-check.ts ADMIN_ECHO_LIMIT). */
  failure?: { kind: string; message: string; detail?: string };
}

export interface MetricObservation {
  /** A Date, or Unix milliseconds (the push API's: a Date per sample is dear inside Next's server, which wraps Date). */
  at: Date | number;
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

/** `at` in Unix milliseconds. */
type Observed = { kpi: string; level: Level; value: number; at: number };

const msOf = (at: Date | number) => (typeof at === "number" ? at : at.getTime());

function observationsOf(target: RecordableTarget, obs: TargetObservations): Map<string, Observed[]> {
  const thresholds = thresholdsOf(target);
  const all: Observed[] = [
    ...(obs.checks ?? []).map((c) => ({
      kpi: UP_KPI,
      level: (c.ok ? "ok" : "critical") as Level,
      value: c.ok ? 1 : 0,
      at: c.at.getTime(),
    })),
  ];
  for (const m of obs.metrics ?? [])
    if (isKpi(m.metric))
      all.push({ kpi: m.metric, level: evaluate(m.metric, m.value, thresholds), value: m.value, at: msOf(m.at) });
  // Senders mostly push in time order: check before sorting (a stable sort of sorted input changes nothing).
  let sorted = true;
  for (let i = 1; i < all.length && sorted; i++) sorted = all[i - 1]!.at <= all[i]!.at;
  if (!sorted) all.sort((a, b) => a.at - b.at);
  const byKpi = new Map<string, Observed[]>();
  for (const o of all) {
    const list = byKpi.get(o.kpi) ?? [];
    list.push(o);
    byKpi.set(o.kpi, list);
  }
  return byKpi;
}

const sortedBy = <T>(items: T[], key: (item: T) => string) =>
  [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

function sampleRows(target: RecordableTarget, obs: TargetObservations): SampleRow[] {
  return [
    ...(obs.checks ?? []).map((c) => ({
      targetId: target.id,
      at: c.at.getTime(),
      metric: CHECK_METRIC,
      value: c.durationMs,
      ok: c.ok,
      status: c.status,
      failureKind: c.failure?.kind,
      failureMessage: c.failure?.message.slice(0, 1000),
      failureDetail: c.failure?.detail?.slice(0, 1200),
    })),
    ...(obs.metrics ?? []).map((m) => ({
      targetId: target.id,
      at: msOf(m.at),
      metric: m.metric,
      value: m.value,
      labels: m.labels,
    })),
  ];
}

/** The minutes whose rollups the samples change, sorted so two transactions never take the same rows in opposite orders. */
function pendingMarks(samples: Array<{ targetId: string; metric: string; at: number }>): Mark[] {
  // Nested maps, not a string key per sample: a batch holds few targets, metrics and minutes.
  const minutes = new Map<string, Map<string, Set<number>>>();
  for (const s of samples) {
    let byMetric = minutes.get(s.targetId);
    if (!byMetric) minutes.set(s.targetId, (byMetric = new Map()));
    let set = byMetric.get(s.metric);
    if (!set) byMetric.set(s.metric, (set = new Set()));
    set.add(Math.floor(s.at / MINUTE_MS) * MINUTE_MS);
  }
  // The ISO minute once per mark, not per sample: dates are dear inside Next's server (it wraps Date).
  const marks: Mark[] = [];
  for (const [targetId, byMetric] of minutes)
    for (const [metric, set] of byMetric)
      for (const minuteMs of set) marks.push({ targetId, metric, minute: new Date(minuteMs).toISOString() });
  const key = (m: Mark) => `${m.targetId}|${m.metric}|${m.minute}`;
  return marks.sort((a, b) => (key(a) < key(b) ? -1 : 1));
}

/** Runs the state machine over the batch's observations (time order per KPI); late observations are skipped. */
function advanceStates(
  batch: Array<{ target: RecordableTarget; byKpi: Map<string, Observed[]> }>,
  stored: Map<string, StoredState>,
) {
  const events: NewAlertEvent[] = [];
  const rows: StoredState[] = [];
  for (const { target, byKpi } of batch) {
    for (const [kpi, observed] of byKpi) {
      const row = stored.get(`${target.id}|${kpi}`);
      // No row yet: the KPI is pending (never observed). Its first observation sets the level outright — a target
      // failing from its first check is critical at once ("pending → critical"), not "ok" for a few checks first.
      let state: AlertState | null = row
        ? { level: row.level, consecutiveBreaches: row.consecutiveBreaches, pendingLevel: row.pendingLevel }
        : null;
      let lastAt = row?.lastAt?.getTime() ?? null;
      let lastValue = row?.lastValue ?? null;
      let changedAt = row?.changedAt?.getTime() ?? null;
      for (const o of observed) {
        if (lastAt !== null && o.at < lastAt) continue;
        if (state === null) {
          state = { level: o.level, consecutiveBreaches: 0, pendingLevel: null };
          changedAt = lastAt = o.at;
          lastValue = o.value;
          // A KPI that starts out of bounds is a real alert (incidents open from it): pending (from = null) → level.
          if (o.level !== "ok")
            events.push({
              targetId: target.id,
              targetName: target.name,
              kpi,
              from: null,
              to: o.level,
              value: o.value,
              at: new Date(o.at),
            });
          continue;
        }
        if (o.level === state.level && state.consecutiveBreaches === 0 && state.pendingLevel === null) {
          // What nextState returns for an unchanged level with nothing pending: the same state, no event.
          lastAt = o.at;
          lastValue = o.value;
          continue;
        }
        const step = nextState(state, o.level, {
          breachesToChange: target.breachesToChange,
          kpi,
          value: o.value,
          at: o.at,
        });
        state = step.state;
        if (step.event) {
          events.push({ targetId: target.id, targetName: target.name, ...step.event });
          changedAt = o.at;
        }
        lastAt = o.at;
        lastValue = o.value;
      }
      if (state === null) continue;
      const date = (ms: number | null) => (ms === null ? null : new Date(ms));
      rows.push({ targetId: target.id, kpi, ...state, lastAt: date(lastAt), lastValue, changedAt: date(changedAt) });
    }
  }
  return { rows, events };
}

export type BatchEntry = { target: RecordableTarget; obs: TargetObservations };

/**
 * Inside a transaction (`sql`): records a batch for several targets (each at most once) with a fixed
 * number of statements; returns one summary per entry, in the entries' order.
 */
export async function recordBatch(sql: Sql, entries: BatchEntry[]): Promise<RecordSummary[]> {
  if (entries.length === 0) return [];
  if (new Set(entries.map((e) => e.target.id)).size !== entries.length)
    throw new Error("recordBatchIn: one entry per target");
  const ordered = sortedBy(entries, (e) => e.target.id);
  // Raw samples first, outside the targets' locks: inserting them conflicts with nothing, so
  // concurrent batches for the same targets overlap here (rows become visible together at commit).
  // One writer per target at a time: a scheduled check and a push must not interleave rollup marks
  // or state updates. Taken in target-id order: no deadlocks. One statement with the insert.
  const samples = ordered.flatMap((e) => sampleRows(e.target, e.obs));
  await insertSamplesThenLock(
    sql,
    samples,
    ordered.map((e) => e.target.id),
  );
  const observed = ordered
    .map((e) => ({ target: e.target, byKpi: observationsOf(e.target, e.obs) }))
    .filter((b) => b.byKpi.size > 0);
  const states = advanceStates(
    observed,
    observed.length > 0
      ? await readStates(
          sql,
          observed.map((b) => b.target.id),
        )
      : new Map<string, StoredState>(),
  );
  const events = await writeMarksStatesEvents(sql, pendingMarks(samples), states.rows, states.events);
  return entries.map((e) => ({
    samples: (e.obs.checks?.length ?? 0) + (e.obs.metrics?.length ?? 0),
    events: events.filter((ev) => ev.targetId === e.target.id),
  }));
}

/** recordBatch inside a caller's Prisma transaction. */
export async function recordBatchIn(tx: Prisma.TransactionClient, entries: BatchEntry[]): Promise<RecordSummary[]> {
  return recordBatch(sqlOfTransaction(tx), entries);
}

/** Inside a caller's transaction, for one target. */
export async function recordObservationsIn(
  tx: Prisma.TransactionClient,
  target: RecordableTarget,
  obs: TargetObservations,
): Promise<RecordSummary> {
  const [summary] = await recordBatchIn(tx, [{ target, obs }]);
  return summary!;
}

export async function recordObservations(target: RecordableTarget, obs: TargetObservations): Promise<RecordSummary> {
  return db.$transaction((tx) => recordObservationsIn(tx, target, obs), { timeout: 30_000, maxWait: 30_000 });
}
