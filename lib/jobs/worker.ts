// The background worker: pg-boss on our Postgres. Runs inside `npm start` or alone via `npm run worker`.
import { hostname } from "node:os";
import PgBoss from "pg-boss";
import { db } from "@/lib/db";
import { closeTokenLocks } from "@/lib/github/token-lock";
import { logger } from "@/lib/logger";
import { QUEUED_JOBS, type QueuedJob, RECURRING_JOBS, type RecurringJob } from "@/lib/jobs/definitions";
import { ensureQueue } from "@/lib/jobs/queue";
import { QUEUE_OPTIONS } from "@/lib/jobs/queues";

export type WorkerOptions = {
  connectionString: string;
  workerId?: string;
  jobs?: RecurringJob[];
  /** On-demand queues this worker serves (default: all, unless `jobs` is given). */
  queues?: QueuedJob[];
  /** How often this worker checks the cron schedule (pg-boss default 30 s; tests use 1 s). */
  cronMonitorIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
};

export type RunningWorker = { workerId: string; stop: () => Promise<void> };

async function runRecorded(job: Pick<RecurringJob, "name" | "run">, jobId: string, workerId: string): Promise<void> {
  // The pg-boss job id is unique: a redelivered job updates its row instead of adding one.
  await db.jobRun.upsert({
    where: { jobId },
    create: { job: job.name, jobId, workerId },
    update: { workerId, startedAt: new Date(), error: null },
  });
  try {
    const result = await job.run();
    await db.jobRun.update({ where: { jobId }, data: { finishedAt: new Date(), result } });
    logger.info("job finished", { job: job.name, jobId, workerId, result });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.jobRun.update({ where: { jobId }, data: { finishedAt: new Date(), error: message.slice(0, 500) } });
    throw error;
  }
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}`;
  const jobs = options.jobs ?? RECURRING_JOBS;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: "pgboss",
    max: 4,
    application_name: `steward-worker ${workerId}`,
    cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds ?? 30,
    cronWorkerIntervalSeconds: options.pollingIntervalSeconds ?? 5,
  });
  boss.on("error", (error: Error) => logger.error("job queue error", { workerId, error: error.message }));
  await boss.start();
  for (const job of jobs) {
    await ensureQueue(boss, job.name);
    await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    await boss.work(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async ([delivered]) => {
      if (delivered) await runRecorded(job, delivered.id, workerId);
    });
    if (job.runOnStart) await boss.send(job.name, {}, { singletonKey: "on-start", singletonSeconds: 60 });
  }
  for (const job of jobs) job.start?.();
  // One job at a time per queue and worker: a sync holds the token's request slot anyway.
  const stopping = new AbortController();
  const queues = options.queues ?? (options.jobs ? [] : QUEUED_JOBS); // a worker given its jobs (tests) serves only those
  for (const queue of queues) {
    await ensureQueue(boss, queue.name, QUEUE_OPTIONS[queue.name]);
    await boss.work(
      queue.name,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
      async ([delivered]) => {
        if (delivered)
          await runRecorded(
            { name: queue.name, run: () => queue.run(delivered.data, stopping.signal) },
            delivered.id,
            workerId,
          );
      },
    );
  }
  logger.info("worker started", {
    workerId,
    jobs: jobs.map((j) => `${j.name} (${j.cron})`),
    queues: queues.map((q) => q.name),
  });
  return {
    workerId,
    stop: async () => {
      for (const job of jobs) job.stop?.();
      stopping.abort();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await closeTokenLocks();
      logger.info("worker stopped", { workerId });
    },
  };
}
