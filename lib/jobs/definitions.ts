// Recurring jobs. Every worker registers all of them; pg-boss cron creates one job per tick across
// all workers (a database-held cron lock and a per-tick singleton), so each tick runs once.
import { deleteExpiredSessions } from "@/lib/auth/sessions";
import { deleteOldLoginAttempts } from "@/lib/auth/throttle";
import { deleteOldRateLimitWindows } from "@/lib/http/rate-limit";
import { deleteOldJobRuns } from "@/lib/jobs/history";
import { deleteExpiredHealthData } from "@/lib/health/store/retention";
import { rollupPendingMinutes } from "@/lib/health/store/rollups";
import { sealRawSamples } from "@/lib/health/store/seal";
import { startCheckScheduler, stopCheckLoops } from "@/lib/health/scheduler/run-checks";
import { sealInlineTargetSecrets } from "@/lib/health/targets/targets";
import { getEnv } from "@/lib/env";
import { recordResponseBreaches } from "@/lib/incidents/lifecycle/breaches";
import { runGithubSyncJob, runGithubWebhookJob, runScheduledGithubSync } from "@/lib/github/sync/jobs";
import { runRunbookTick } from "@/lib/runbooks/jobs";
import { GITHUB_SYNC_QUEUE, GITHUB_WEBHOOK_QUEUE, INCIDENT_NOTIFY_QUEUE } from "@/lib/jobs/queues";
import { runNotifyJob } from "@/lib/incidents/notifications/deliver";
import { runDependencyRefresh } from "@/lib/deps/refresh";
import { rebuildAllTriageOutcomes } from "@/lib/triage/outcomes";

export type RecurringJob = {
  name: string;
  /** cron-parser syntax, evaluated in UTC. */
  cron: string;
  run: () => Promise<Record<string, number | string>>;
  /** Called when the worker starts, in every worker process (for work that runs continuously). */
  start?: () => void;
  /** Called when the worker stops, for jobs that run long enough to need telling. */
  stop?: () => void;
  /** Also run once when a worker starts (workers starting together send it once). */
  runOnStart?: boolean;
};

export const RECURRING_JOBS: RecurringJob[] = [
  {
    name: "session-cleanup",
    cron: "*/10 * * * *",
    run: async () => ({
      expiredSessions: await deleteExpiredSessions(),
      oldLoginAttempts: await deleteOldLoginAttempts(),
      oldRateLimitWindows: await deleteOldRateLimitWindows(),
      oldJobRuns: await deleteOldJobRuns(),
    }),
  },
  {
    // Every worker runs one continuous scheduler (started with the worker): no gap between loops.
    // Claims are atomic in the database, so any number of workers never check one slot twice. The
    // cron tick restarts the scheduler of the worker it lands on should it have ended, and records
    // that scheduler's running totals.
    name: "health-checks",
    cron: "* * * * *",
    start: () => void startCheckScheduler(),
    run: async () => ({ ...startCheckScheduler().summary }),
    stop: stopCheckLoops,
  },
  // Rollups, then the past hours' raw samples sealed into packed rows (lib/health/store/seal.ts).
  {
    name: "health-rollups",
    cron: "* * * * *",
    run: async () => ({ ...(await rollupPendingMinutes()), sealed: (await sealRawSamples()).samples }),
  },
  // Checklist runs per period (unique per section and period, so doubled ticks are harmless) and auto-ticks.
  { name: "runbook-runs", cron: "* * * * *", runOnStart: true, run: () => runRunbookTick() },
  { name: "incident-breaches", cron: "* * * * *", run: async () => ({ ...(await recordResponseBreaches()) }) },
  { name: "health-retention", cron: "17 3 * * *", run: async () => ({ ...(await deleteExpiredHealthData()) }) },
  // Targets saved before their secrets were encrypted get them sealed once a worker runs.
  {
    name: "health-seal-secrets",
    cron: "41 * * * *",
    runOnStart: true,
    run: async () => ({ sealed: await sealInlineTargetSecrets() }),
  },
  {
    // Enqueues one github-sync-repo job per enabled repository (see QUEUED_JOBS); also at start,
    // so repositories from STEWARD_REPOS (and data missed while stopped) don't wait 15 minutes.
    name: "github-sync",
    runOnStart: true,
    get cron() {
      return getEnv().STEWARD_GITHUB_SYNC_CRON;
    },
    run: runScheduledGithubSync,
  },
  // Stored triage outcomes whose settings key is stale (a new outcome algorithm after an upgrade, a
  // repository without outcomes yet) are rebuilt at start and hourly, not by the first reader.
  {
    name: "triage-outcomes",
    cron: "29 * * * *",
    runOnStart: true,
    run: async () => ({ rebuiltRepositories: await rebuildAllTriageOutcomes() }),
  },
  // Outdated dependencies: default-branch manifests against the npm registry and PyPI, once a day.
  // At start too, skipping repositories refreshed in the last 20 h (a restart does not ask the registries again).
  { name: "deps-refresh", cron: "41 4 * * *", runOnStart: true, run: () => runDependencyRefresh({ skipFresh: true }) },
];

/** Jobs sent with data (lib/jobs/queue.ts `sendJob`); queue policies are in lib/jobs/queues.ts. */
export type QueuedJob = {
  name: string;
  /** `signal` aborts when the worker stops (a sync then ends after its current page). */
  run: (data: unknown, signal: AbortSignal) => Promise<Record<string, number | string>>;
};

export const QUEUED_JOBS: QueuedJob[] = [
  { name: GITHUB_SYNC_QUEUE, run: runGithubSyncJob },
  { name: GITHUB_WEBHOOK_QUEUE, run: runGithubWebhookJob },
  { name: INCIDENT_NOTIFY_QUEUE, run: runNotifyJob },
];
