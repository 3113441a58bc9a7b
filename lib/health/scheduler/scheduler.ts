/**
 * The continuous scheduler every worker process runs. It claims, once a poll, the slots due within
 * its look-ahead (one statement, claim.ts) into a heap ordered by slot (due-queue.ts), and one timer
 * starts each check at its slot. The claim runs beside the timer, never in front of it, so a slow
 * database delays claims by up to the look-ahead before any check starts late. On stop, slots
 * claimed but not started are released for other workers.
 */
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { CheckPool } from "./check-pool";
import { checkTask, emptySummary, type RunChecksSummary } from "./check-task";
import { claimDueTargets, releaseClaims, type ClaimedTarget } from "./claim";
import { realClock, type SchedulerClock } from "./clock";
import { DueQueue } from "./due-queue";

export interface RunChecksOptions {
  /** Clock for deciding what is due (tests drive it); check results carry real time. */
  now?: () => Date;
  concurrency?: number;
  /** Only these targets (tests share one database). */
  targetIds?: string[];
  allowPrivate?: boolean;
}

export function resolveOptions(opts: RunChecksOptions) {
  const env = getEnv();
  return {
    now: opts.now ?? (() => new Date()),
    concurrency: opts.concurrency ?? env.STEWARD_HEALTH_CHECK_CONCURRENCY,
    targetIds: opts.targetIds,
    allowPrivate: opts.allowPrivate ?? env.STEWARD_HEALTH_ALLOW_PRIVATE,
  };
}

export type LoopOptions = RunChecksOptions & {
  /** How long to run; Infinity (the scheduler) runs until stopped. */
  durationMs: number;
  /** Time between claims. */
  pollMs?: number;
  /** Claim slots up to this far ahead and start each at its slot. */
  lookaheadMs?: number;
  /** Most checks claimed and not yet started; a pool with a backlog counts against it. */
  maxAhead?: number;
  clock?: SchedulerClock;
  /** Counts go here as they happen (the continuous scheduler's running totals). */
  summary?: RunChecksSummary;
};

export const DEFAULT_LOOKAHEAD_MS = 10_000;
const DEFAULT_MAX_AHEAD = 2_000;
/** Most targets per claim statement; a claim that fills it is followed by another at once, so a
 * starting scheduler gets its earliest slots from a short claim instead of waiting for a long one. */
const CLAIM_BATCH = 200;
const FIRST_CLAIM_BATCH = 25;

// One pool per process, shared by loops: a straggler from a stopped loop keeps its slot.
const globalForChecks = globalThis as unknown as {
  stewardCheckPool?: CheckPool;
  stewardCheckLoops?: Set<AbortController>;
  stewardScheduler?: RunningScheduler;
};
const loops = (globalForChecks.stewardCheckLoops ??= new Set());

/**
 * Claims and starts checks for `durationMs`. Returns at the deadline (or on stopCheckLoops) without
 * waiting for checks still running (they record themselves), so a hanging target never delays it.
 */
export async function runCheckLoop(options: LoopOptions): Promise<RunChecksSummary> {
  const o = resolveOptions(options);
  // Waits and the deadline follow `clock`; what is due follows `now` when a test pins it.
  const clock = options.clock ?? realClock;
  const dueNow = options.now && !options.clock ? () => options.now!().getTime() : clock.now;
  const pollMs = options.pollMs ?? 1000;
  const lookaheadMs = options.lookaheadMs ?? DEFAULT_LOOKAHEAD_MS;
  const maxAhead = options.maxAhead ?? DEFAULT_MAX_AHEAD;
  const pool = (globalForChecks.stewardCheckPool ??= new CheckPool(o.concurrency));
  const ctx = { allowPrivate: o.allowPrivate, summary: options.summary ?? emptySummary(), pool };
  const queue = new DueQueue<ClaimedTarget>((t) => t.slotAt.getTime());
  const deadline = clock.now() + options.durationMs;
  const stop = new AbortController();
  loops.add(stop);
  let nap: { done: Promise<void>; cancel: () => void } | undefined;
  let claiming: Promise<void> | undefined;
  let nextClaimAt = clock.now();
  // A starting scheduler claims 25, then 50, 100, 200 at a time: its earliest slots come from a quick claim.
  let batch = FIRST_CLAIM_BATCH;

  const claimAhead = async () => {
    const now = dueNow();
    // A full wave of checks already waiting for the pool: claim nothing (other workers take the slots).
    const limit = pool.backlog >= pool.size ? 0 : Math.min(batch, maxAhead - queue.size - pool.backlog);
    batch = Math.min(CLAIM_BATCH, batch * 2);
    try {
      const claimed = await claimDueTargets(new Date(now), limit, o.targetIds, new Date(now + lookaheadMs));
      if (stop.signal.aborted) return void (await releaseClaims(claimed));
      for (const target of claimed) queue.push(target);
      if (limit > 0 && claimed.length === limit) nextClaimAt = clock.now(); // more may be due: claim again at once
    } catch (error) {
      // A busy database (no connection within the wait): try again at the next poll, never stop scheduling.
      logger.warn("health check claim failed; retrying at the next poll", { error });
    }
  };

  const startDue = () => {
    const now = dueNow();
    for (const target of queue.popDue(now))
      pool.start(checkTask(ctx, target, new Date(Math.max(now, target.slotAt.getTime()))));
  };

  try {
    while (clock.now() < deadline && !stop.signal.aborted) {
      startDue();
      if (!claiming && clock.now() >= nextClaimAt) {
        nextClaimAt = clock.now() + pollMs;
        claiming = claimAhead().finally(() => {
          claiming = undefined;
          nap?.cancel(); // new slots may be earlier than the one the timer waits for
        });
      }
      const untilSlot = queue.nextAt === undefined ? Infinity : queue.nextAt - dueNow();
      const untilClaim = claiming ? Infinity : nextClaimAt - clock.now();
      // Never longer than a poll: a timer past 2^31 ms would fire at once.
      const wait = Math.max(0, Math.min(untilSlot, untilClaim, deadline - clock.now(), pollMs));
      nap = clock.sleep(wait, stop.signal);
      await nap.done;
      nap.cancel(); // woken early: drop the timer and the abort listener now
    }
  } finally {
    loops.delete(stop);
    stop.abort();
    await claiming;
    startDue(); // slots already due when the loop stopped are this scheduler's to run
    await releaseClaims(queue.drain()).catch((error: unknown) =>
      logger.warn("claimed health checks could not be released; their slots are skipped", { error }),
    );
  }
  return ctx.summary;
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

/** Ends running loops at once (the worker stops: pg-boss waits only 10 s for running jobs). */
export function stopCheckLoops(): void {
  for (const loop of loops) loop.abort();
}

/** Waits for checks a loop left running (tests, graceful shutdown). */
export async function waitForRunningChecks(): Promise<void> {
  await globalForChecks.stewardCheckPool?.drain();
}
