/**
 * The health-check scheduler. Due targets are claimed in the database (`nextCheckAt <= now`, FOR
 * UPDATE SKIP LOCKED, moved to the target's next slot in the same transaction), so any number of
 * loops in any number of workers never run one slot twice. Checks run in a pool of bounded size;
 * each has its own timeout (HTTP check / scrape), so a slow or hanging target holds one slot of the
 * pool and nothing else.
 *
 * The `health-checks` job (lib/jobs/definitions.ts) is a pg-boss cron job, created once per
 * minute across all workers; it runs `runCheckLoop` for most of that minute, which claims targets
 * as their slots (spread by per-target jitter, see slots.ts) come due.
 */
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { Prisma, type HealthTarget } from "@/lib/generated/prisma/client";
import { runHttpCheck } from "./http-check";
import { scrapePrometheusTarget } from "./prometheus-scrape";
import { CHECK_METRIC, recordObservations, type TargetObservations } from "./record";
import { nextSlotAfter } from "./slots";
import { checkConfig } from "./target-config";

export interface RunChecksOptions {
  /** Clock for deciding what is due (tests drive it); check results carry real time. */
  now?: () => Date;
  concurrency?: number;
  /** Only these targets (tests share one database). */
  targetIds?: string[];
  allowPrivate?: boolean;
}

export interface RunChecksSummary {
  checked: number;
  failed: number;
  alertEvents: number;
  errors: number;
}

/** A push target that sent no heartbeat for 1.5 intervals is recorded as one failed check. */
export const HEARTBEAT_GRACE = 1.5;

class CheckPool {
  private readonly running = new Set<Promise<void>>();
  constructor(readonly size: number) {}
  get free(): number {
    return this.size - this.running.size;
  }
  get busy(): number {
    return this.running.size;
  }
  /** `work` must not reject. */
  start(work: () => Promise<void>): void {
    const p: Promise<void> = work().finally(() => this.running.delete(p));
    this.running.add(p);
  }
  async oneDone(): Promise<void> {
    if (this.running.size > 0) await Promise.race(this.running);
  }
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.race(this.running);
  }
}

export async function claimDueTargets(now: Date, limit: number, targetIds?: string[]): Promise<HealthTarget[]> {
  if (limit <= 0) return [];
  const scope = targetIds ? Prisma.sql`AND id = ANY(${targetIds}::uuid[])` : Prisma.empty;
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<Array<{ id: string; intervalSeconds: number; phaseMs: number }>>`
      SELECT id, "intervalSeconds", "phaseMs" FROM "HealthTarget"
      WHERE enabled AND "nextCheckAt" <= ${now}::timestamptz ${scope}
      ORDER BY "nextCheckAt" LIMIT ${limit}::int FOR UPDATE SKIP LOCKED`;
    for (const t of due) {
      const next = nextSlotAfter(now.getTime(), t.intervalSeconds * 1000, t.phaseMs);
      await tx.healthTarget.update({ where: { id: t.id }, data: { nextCheckAt: new Date(next) } });
    }
    return due.length === 0 ? [] : tx.healthTarget.findMany({ where: { id: { in: due.map((t) => t.id) } } });
  });
}

async function watchHeartbeats(target: HealthTarget, now: Date): Promise<TargetObservations> {
  const windowMs = HEARTBEAT_GRACE * target.intervalSeconds * 1000;
  const recent = await db.healthSample.count({
    where: {
      targetId: target.id,
      metric: CHECK_METRIC,
      at: { gt: new Date(now.getTime() - windowMs) },
      OR: [{ failureKind: null }, { failureKind: { not: "heartbeat-missed" } }],
    },
  });
  if (recent > 0) return {};
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

function resolveOptions(opts: RunChecksOptions) {
  const env = getEnv();
  return {
    now: opts.now ?? (() => new Date()),
    concurrency: opts.concurrency ?? env.STEWARD_HEALTH_CHECK_CONCURRENCY,
    targetIds: opts.targetIds,
    allowPrivate: opts.allowPrivate ?? env.STEWARD_HEALTH_ALLOW_PRIVATE,
  };
}

function checkTask(target: HealthTarget, now: Date, allowPrivate: boolean, summary: RunChecksSummary) {
  return async () => {
    try {
      const obs = await observe(target, now, allowPrivate);
      const recorded = await recordObservations(target, obs);
      summary.checked += 1;
      if (obs.checks?.some((c) => !c.ok)) summary.failed += 1;
      summary.alertEvents += recorded.events.length;
    } catch (error) {
      summary.errors += 1;
      logger.error("health check could not be run or recorded", { target: target.slug, error });
    }
  };
}

const emptySummary = (): RunChecksSummary => ({ checked: 0, failed: 0, alertEvents: 0, errors: 0 });

/** Runs every target due at `now()` once and resolves when all of them are recorded. */
export async function runDueChecks(options: RunChecksOptions = {}): Promise<RunChecksSummary> {
  const o = resolveOptions(options);
  const pool = new CheckPool(o.concurrency);
  const summary = emptySummary();
  for (;;) {
    const now = o.now();
    const claimed = await claimDueTargets(now, pool.free, o.targetIds);
    for (const target of claimed) pool.start(checkTask(target, now, o.allowPrivate, summary));
    if (pool.busy === 0) return summary;
    await pool.oneDone();
  }
}

// One pool per process, shared by consecutive loops: a straggler from the previous minute keeps its slot.
const globalForChecks = globalThis as unknown as { stewardCheckPool?: CheckPool; stewardCheckLoops?: Set<AbortController> };
const loops = (globalForChecks.stewardCheckLoops ??= new Set());

/**
 * Claims and runs due checks for `durationMs`, waking when a check finishes or every `pollMs`.
 * Returns at the deadline (or on stopCheckLoops) without waiting for checks still running (they
 * record themselves), so a hanging target never delays the next loop.
 */
export async function runCheckLoop(options: RunChecksOptions & { durationMs: number; pollMs?: number }): Promise<RunChecksSummary> {
  const o = resolveOptions(options);
  globalForChecks.stewardCheckPool ??= new CheckPool(o.concurrency);
  const pool = globalForChecks.stewardCheckPool;
  const summary = emptySummary();
  const deadline = Date.now() + options.durationMs;
  const stop = new AbortController();
  loops.add(stop);
  try {
    while (Date.now() < deadline && !stop.signal.aborted) {
      const now = o.now();
      const claimed = await claimDueTargets(now, pool.free, o.targetIds);
      for (const target of claimed) pool.start(checkTask(target, now, o.allowPrivate, summary));
      const wait = Math.max(0, Math.min(options.pollMs ?? 1000, deadline - Date.now()));
      const nap = sleep(wait, stop.signal);
      await Promise.race([nap.done, ...(pool.busy > 0 ? [pool.oneDone()] : [])]);
      nap.cancel(); // a check finished first: drop the timer and the abort listener now, not a poll later
    }
  } finally {
    loops.delete(stop);
  }
  return summary;
}

/**
 * Resolves after `ms` or on abort. `cancel` resolves it at once and removes its timer and listener:
 * with many targets a check finishes several times a second, and sleeps left pending until their
 * timer fired piled up listeners on the loop's signal.
 */
function sleep(ms: number, signal: AbortSignal): { done: Promise<void>; cancel: () => void } {
  let cancel = () => {};
  const done = new Promise<void>((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    signal.addEventListener("abort", finish, { once: true });
    cancel = finish;
  });
  return { done, cancel };
}

/** Ends running loops within a poll (the worker stops: pg-boss waits only 10 s for running jobs). */
export function stopCheckLoops(): void {
  for (const loop of loops) loop.abort();
}

/** Waits for checks a loop left running (tests, graceful shutdown). */
export async function waitForRunningChecks(): Promise<void> {
  await globalForChecks.stewardCheckPool?.drain();
}
