// One check of one target: observe it (HTTP check, Prometheus scrape or heartbeat watch), then hand
// the result to this process's record batcher and the incident rules. Never rejects: failures are
// counted in the summary and logged.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { Prisma, type HealthTarget } from "@/lib/generated/prisma/client";
import { afterAlertEvents } from "@/lib/incidents/lifecycle/auto-open";
import { runHttpCheck } from "../checks/http-check";
import { scrapePrometheusTarget } from "../prometheus/prometheus-scrape";
import { CHECK_METRIC, type TargetObservations } from "../store/record";
import { RecordBatcher } from "../store/record-batcher";
import { rawSamplesSql, ts } from "../store/raw-samples-sql";
import { checkConfig } from "../targets/target-config";
import type { CheckPool } from "./check-pool";

export interface RunChecksSummary {
  checked: number;
  failed: number;
  alertEvents: number;
  errors: number;
}

export const emptySummary = (): RunChecksSummary => ({ checked: 0, failed: 0, alertEvents: 0, errors: 0 });

/** A push target that sent no heartbeat for 1.5 intervals is recorded as one failed check. */
export const HEARTBEAT_GRACE = 1.5;

async function watchHeartbeats(target: HealthTarget, now: Date): Promise<TargetObservations> {
  const windowMs = HEARTBEAT_GRACE * target.intervalSeconds * 1000;
  const since = new Date(now.getTime() - windowMs);
  const [recent] = await db.$queryRaw<Array<{ at: Date }>>`
    SELECT "at" FROM ${rawSamplesSql({ targetId: Prisma.sql`${target.id}::uuid`, metric: CHECK_METRIC, from: ts(since) })} s
    WHERE "at" > ${since}::timestamptz AND "failureKind" IS DISTINCT FROM 'heartbeat-missed' LIMIT 1`;
  if (recent) return {};
  const message = `no heartbeat in the last ${windowMs / 1000} s`;
  return { checks: [{ at: now, ok: false, durationMs: 0, failure: { kind: "heartbeat-missed", message } }] };
}

async function observe(target: HealthTarget, now: Date, allowPrivate: boolean): Promise<TargetObservations> {
  const config = checkConfig(target);
  switch (config.kind) {
    case "http": {
      const r = await runHttpCheck(config.check, { allowPrivate });
      const check = { at: r.checkedAt, ok: r.ok, durationMs: r.responseTimeMs, status: r.status, failure: r.failure };
      const metrics = r.ok ? [{ at: r.checkedAt, metric: "response_time_ms", value: r.responseTimeMs }] : [];
      return { checks: [check], metrics };
    }
    case "prometheus":
      return scrapePrometheusTarget(target, config, { allowPrivate });
    case "push":
      return watchHeartbeats(target, now);
  }
}

/** This process's batcher of check results (record-batcher.ts). */
const recorder = () =>
  ((globalThis as unknown as { stewardRecordBatcher?: RecordBatcher }).stewardRecordBatcher ??= new RecordBatcher());

/** Runs at most `size` calls at once; the others wait in order, in memory. */
function limitTo(size: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (work: () => Promise<void>): Promise<void> => {
    if (active < size) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // handed its slot by a finishing call
    try {
      await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}

/**
 * Incident rules for alert events (a transaction per event) run two at a time per process: an alert
 * storm at thousands of targets waits here instead of taking every connection of the pool, where
 * claims and recording then timed out waiting for one.
 */
const incidentRules = limitTo(2);

async function recordCheck(ctx: CheckTaskContext, target: HealthTarget, obs: TargetObservations) {
  try {
    const recorded = await recorder().record(target, obs);
    ctx.summary.checked += 1;
    if (obs.checks?.some((c) => !c.ok)) ctx.summary.failed += 1;
    ctx.summary.alertEvents += recorded.events.length;
    if (recorded.events.length > 0) ctx.pool.background(incidentRules(() => afterAlertEvents(recorded.events)));
  } catch (error) {
    ctx.summary.errors += 1;
    logger.error("health check result could not be recorded", { target: target.slug, error });
  }
}

export type CheckTaskContext = { allowPrivate: boolean; summary: RunChecksSummary; pool: CheckPool };

/** The work of one check for `pool.start`: holds a pool slot while observing; recording trails behind. */
export function checkTask(ctx: CheckTaskContext, target: HealthTarget, now: Date): () => Promise<void> {
  return async () => {
    let obs: TargetObservations;
    try {
      obs = await observe(target, now, ctx.allowPrivate);
    } catch (error) {
      ctx.summary.errors += 1;
      logger.error("health check could not be run", { target: target.slug, error });
      return;
    }
    await ctx.pool.trail(recordCheck(ctx, target, obs));
  };
}
