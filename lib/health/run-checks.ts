/**
 * The health-check scheduler. Due targets are claimed in the database (`nextCheckAt <= now`, FOR
 * UPDATE SKIP LOCKED, moved to the target's next slot in the same transaction), so any number of
 * loops in any number of workers never run one slot twice. Checks run in a pool of bounded size;
 * each has its own timeout (HTTP check / scrape), so a slow or hanging target holds one slot of the
 * pool and nothing else.
 *
 * Every worker process runs one continuous scheduler (`startCheckScheduler`, started by the
 * worker through the `health-checks` job): it claims targets a little ahead of their slots (spread
 * by per-target jitter, see slots.ts) and starts each check at its slot, so there is no gap
 * between loops and checks start on time. The clock is injectable (`SchedulerClock`) for tests.
 */
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { Prisma, type HealthTarget } from "@/lib/generated/prisma/client";
import { runHttpCheck } from "./http-check";
import { scrapePrometheusTarget } from "./prometheus-scrape";
import { afterAlertEvents } from "@/lib/incidents/lifecycle/auto-open";
import { CHECK_METRIC, type TargetObservations } from "./record";
import { RecordBatcher } from "./record-batcher";
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

/**
 * Runs at most `size` checks at once; work started while full waits in order. A check's slot is
 * free again once its observation is in; recording it (batched, record-batcher.ts) trails behind,
 * up to `size` × TRAIL_FACTOR results at once — past that a check keeps its slot until it is recorded.
 */
class CheckPool {
  private readonly running = new Set<Promise<void>>();
  private readonly queued: Array<() => Promise<void>> = [];
  /** Checks claimed ahead of their slot, waiting for it (not counted against `size`). */
  private readonly waiting = new Set<Promise<void>>();
  /** Results being recorded after their check gave up its slot. */
  private readonly trailing = new Set<Promise<void>>();
  constructor(readonly size: number) {}
  get free(): number {
    return this.size - this.running.size - this.queued.length;
  }
  get busy(): number {
    return this.running.size;
  }
  /** Records `work` behind the check that produced it; resolves at once unless too many already trail. */
  async trail(work: Promise<void>): Promise<void> {
    const p: Promise<void> = work.finally(() => this.trailing.delete(p));
    this.trailing.add(p);
    if (this.trailing.size > this.size * TRAIL_FACTOR) await p;
  }
  /** `work` must not reject. */
  start(work: () => Promise<void>): void {
    if (this.running.size >= this.size) return void this.queued.push(work);
    const p: Promise<void> = work().finally(() => {
      this.running.delete(p);
      const next = this.queued.shift();
      if (next) this.start(next);
    });
    this.running.add(p);
  }
  /** Starts `work` once `until` resolves. */
  startAfter(until: Promise<void>, work: () => Promise<void>): void {
    const p: Promise<void> = until.then(() => {
      this.waiting.delete(p);
      this.start(work);
    });
    this.waiting.add(p);
  }
  async oneDone(): Promise<void> {
    if (this.running.size > 0) await Promise.race(this.running);
  }
  /** Until every check (running, queued, waiting for its slot) has run and been recorded. */
  async drain(): Promise<void> {
    while (this.running.size + this.waiting.size + this.queued.length + this.trailing.size > 0)
      await Promise.race([...this.running, ...this.waiting, ...this.trailing]);
  }
}

/** Results recorded behind their checks at most, per check slot (a database slower than the checks stops there). */
const TRAIL_FACTOR = 20;

export type ClaimedTarget = HealthTarget & {
  /** The slot this claim is for (the target's nextCheckAt before the claim). */ slotAt: Date;
};

/**
 * Claims up to `limit` targets whose slot is at or before `until` (default `now`), moving each to its
 * first slot after max(its slot, now) in the same statement; FOR UPDATE SKIP LOCKED, so concurrent
 * claimers (loops, workers) never get the same slot.
 */
export async function claimDueTargets(
  now: Date,
  limit: number,
  targetIds?: string[],
  until: Date = now,
): Promise<ClaimedTarget[]> {
  if (limit <= 0) return [];
  const scope = targetIds ? Prisma.sql`AND id = ANY(${targetIds}::uuid[])` : Prisma.empty;
  return db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<Array<{ id: string; intervalSeconds: number; phaseMs: number; nextCheckAt: Date }>>`
      SELECT id, "intervalSeconds", "phaseMs", "nextCheckAt" FROM "HealthTarget"
      WHERE enabled AND "nextCheckAt" <= ${until}::timestamptz ${scope}
      ORDER BY "nextCheckAt" LIMIT ${limit}::int FOR UPDATE SKIP LOCKED`;
    if (due.length === 0) return [];
    const slots = new Map(due.map((t) => [t.id, new Date(t.nextCheckAt)]));
    const next = due.map(
      (t) =>
        new Date(
          nextSlotAfter(
            Math.max(now.getTime(), new Date(t.nextCheckAt).getTime()),
            t.intervalSeconds * 1000,
            t.phaseMs,
          ),
        ),
    );
    await tx.$executeRaw`UPDATE "HealthTarget" AS h SET "nextCheckAt" = n.at FROM unnest(${due.map((t) => t.id)}::uuid[], ${next}::timestamptz[]) AS n(id, at) WHERE h.id = n.id`;
    const targets = await tx.healthTarget.findMany({ where: { id: { in: due.map((t) => t.id) } } });
    return targets
      .map((t) => ({ ...t, slotAt: slots.get(t.id)! }))
      .sort((a, b) => a.slotAt.getTime() - b.slotAt.getTime());
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

/** This process's batcher of check results (record-batcher.ts). */
const recorder = () =>
  ((globalThis as unknown as { stewardRecordBatcher?: RecordBatcher }).stewardRecordBatcher ??= new RecordBatcher());

async function recordCheck(target: HealthTarget, obs: TargetObservations, summary: RunChecksSummary) {
  try {
    const recorded = await recorder().record(target, obs);
    await afterAlertEvents(recorded.events);
    summary.checked += 1;
    if (obs.checks?.some((c) => !c.ok)) summary.failed += 1;
    summary.alertEvents += recorded.events.length;
  } catch (error) {
    summary.errors += 1;
    logger.error("health check result could not be recorded", { target: target.slug, error });
  }
}

function checkTask(target: HealthTarget, now: Date, allowPrivate: boolean, summary: RunChecksSummary, pool: CheckPool) {
  return async () => {
    let obs: TargetObservations;
    try {
      obs = await observe(target, now, allowPrivate);
    } catch (error) {
      summary.errors += 1;
      logger.error("health check could not be run", { target: target.slug, error });
      return;
    }
    await pool.trail(recordCheck(target, obs, summary));
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
    for (const target of claimed) pool.start(checkTask(target, now, o.allowPrivate, summary, pool));
    if (pool.busy === 0) break;
    await pool.oneDone();
  }
  await pool.drain();
  return summary;
}

/** What the scheduler reads time from and waits on; tests inject one they advance by hand. */
export interface SchedulerClock {
  now(): number;
  /** Resolves after `ms` of this clock, or at once when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): { done: Promise<void>; cancel: () => void };
}

export const realClock: SchedulerClock = { now: () => Date.now(), sleep: (ms, signal) => sleep(ms, signal) };

// One pool per process, shared by loops: a straggler from a stopped loop keeps its slot.
const globalForChecks = globalThis as unknown as {
  stewardCheckPool?: CheckPool;
  stewardCheckLoops?: Set<AbortController>;
  stewardScheduler?: RunningScheduler;
};
const loops = (globalForChecks.stewardCheckLoops ??= new Set());

export type LoopOptions = RunChecksOptions & {
  /** How long to run; Infinity (the scheduler) runs until stopped. */
  durationMs: number;
  /** Longest wait between claims (a check finishing wakes the loop earlier). */
  pollMs?: number;
  /** Claim targets this far ahead of their slot and start each at its slot (default pollMs + 1 s). */
  lookaheadMs?: number;
  clock?: SchedulerClock;
  /** Counts go here as they happen (the continuous scheduler's running totals). */
  summary?: RunChecksSummary;
};

/**
 * Claims and runs due checks for `durationMs`, waking when a check finishes or every `pollMs`.
 * Targets are claimed up to `lookaheadMs` before their slot and started at the slot. Returns at the
 * deadline (or on stopCheckLoops) without waiting for checks still running (they record
 * themselves), so a hanging target never delays anything.
 */
export async function runCheckLoop(options: LoopOptions): Promise<RunChecksSummary> {
  const o = resolveOptions(options);
  // Waits and the deadline follow `clock`; what is due follows `now` when a test pins it.
  const clock = options.clock ?? realClock;
  const dueNow = options.now && !options.clock ? () => options.now!().getTime() : clock.now;
  const pollMs = options.pollMs ?? 1000;
  const lookaheadMs = options.lookaheadMs ?? pollMs + 1000;
  globalForChecks.stewardCheckPool ??= new CheckPool(o.concurrency);
  const pool = globalForChecks.stewardCheckPool;
  const summary = options.summary ?? emptySummary();
  const deadline = clock.now() + options.durationMs;
  const stop = new AbortController();
  loops.add(stop);
  try {
    while (clock.now() < deadline && !stop.signal.aborted) {
      const now = dueNow();
      const claimed = await claimDueTargets(new Date(now), pool.free, o.targetIds, new Date(now + lookaheadMs)).catch(
        (error: unknown) => {
          // A busy database (no connection within the wait): try again at the next poll, never stop scheduling.
          logger.warn("health check claim failed; retrying at the next poll", { error });
          return [];
        },
      );
      for (const target of claimed) {
        const delay = target.slotAt.getTime() - dueNow();
        const task = () =>
          checkTask(target, new Date(Math.max(dueNow(), target.slotAt.getTime())), o.allowPrivate, summary, pool)();
        if (delay <= 0) pool.start(task);
        else pool.startAfter(clock.sleep(delay).done, task);
      }
      const nap = clock.sleep(Math.max(0, Math.min(pollMs, deadline - clock.now())), stop.signal);
      await Promise.race([nap.done, ...(pool.busy > 0 ? [pool.oneDone()] : [])]);
      nap.cancel(); // a check finished first: drop the timer and the abort listener now, not a poll later
    }
  } finally {
    loops.delete(stop);
  }
  return summary;
}

export type RunningScheduler = { summary: RunChecksSummary; done: Promise<void> };

/**
 * This process's continuous scheduler (one per worker process): started if it is not running,
 * restarted if it ended; returns the running one. Ends with stopCheckLoops().
 */
export function startCheckScheduler(options: Omit<LoopOptions, "durationMs"> = {}): RunningScheduler {
  const current = globalForChecks.stewardScheduler;
  if (current) return current;
  const scheduler: RunningScheduler = { summary: emptySummary(), done: Promise.resolve() };
  scheduler.done = (async () => {
    try {
      await runCheckLoop({ ...options, durationMs: Number.POSITIVE_INFINITY, summary: scheduler.summary });
    } catch (error) {
      logger.error("health check scheduler stopped on an error", { error });
    } finally {
      if (globalForChecks.stewardScheduler === scheduler) globalForChecks.stewardScheduler = undefined;
    }
  })();
  globalForChecks.stewardScheduler = scheduler;
  return scheduler;
}

/**
 * Resolves after `ms` or on abort. `cancel` resolves it at once and removes its timer and listener:
 * with many targets a check finishes several times a second, and sleeps left pending until their
 * timer fired piled up listeners on the loop's signal.
 */
function sleep(ms: number, signal?: AbortSignal): { done: Promise<void>; cancel: () => void } {
  let cancel = () => {};
  const done = new Promise<void>((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    signal?.addEventListener("abort", finish, { once: true });
    if (signal?.aborted) finish(); // stopped while the loop was claiming: an abort already past fires no event
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
