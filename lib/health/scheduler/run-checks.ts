/**
 * Health checks: `runDueChecks` runs every target due now once (tests, one-off runs); the worker's
 * continuous scheduler lives in scheduler/ (scheduler.ts: the loop; claim.ts: the database's
 * exactly-once claims; check-task.ts: one check and its recording; due-queue.ts, check-pool.ts,
 * clock.ts: its parts). The clock is injectable (`SchedulerClock`) for tests.
 */
import { CheckPool } from "./check-pool";
import { checkTask, emptySummary, type RunChecksSummary } from "./check-task";
import { claimDueTargets } from "./claim";
import { resolveOptions, type RunChecksOptions } from "./scheduler";

export { HEARTBEAT_GRACE, type RunChecksSummary } from "./check-task";
export { claimDueTargets, releaseClaims, type ClaimedTarget } from "./claim";
export { realClock, type SchedulerClock } from "./clock";
export {
  runCheckLoop,
  startCheckScheduler,
  stopCheckLoops,
  waitForRunningChecks,
  type LoopOptions,
  type RunChecksOptions,
  type RunningScheduler,
} from "./scheduler";

/** Runs every target due at `now()` once and resolves when all of them are recorded. */
export async function runDueChecks(options: RunChecksOptions = {}): Promise<RunChecksSummary> {
  const o = resolveOptions(options);
  const pool = new CheckPool(o.concurrency);
  const ctx = { allowPrivate: o.allowPrivate, summary: emptySummary(), pool };
  for (;;) {
    const now = o.now();
    const claimed = await claimDueTargets(now, pool.free, o.targetIds);
    for (const target of claimed) pool.start(checkTask(ctx, target, now));
    if (pool.busy === 0) break;
    await pool.oneDone();
  }
  await pool.drain();
  return ctx.summary;
}
