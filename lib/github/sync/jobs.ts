// Job-queue side of the sync: the 15-minute schedule enqueues one job per repository, "Sync now"
// enqueues one for a single repository, and the worker runs them. The queue is `stately` keyed by
// repository, so repeated clicks queue at most one more run; the lease in the database stops two
// from ever running at once.
import { z } from "zod";
import { db } from "@/lib/db";
import { hasUsableGithubToken } from "../credentials";
import { logger } from "@/lib/logger";
import { sendJob } from "@/lib/jobs/queue";
import { GITHUB_SYNC_QUEUE } from "@/lib/jobs/queues";
import { ensureConfiguredRepositories } from "../repositories";
import { processWebhookDelivery } from "../webhooks/process";
import { type SyncTrigger, syncRepository } from "./sync-repository";
import { afterGithubSync } from "@/lib/incidents/github/after-sync";

export interface SyncRequestResult {
  status: "queued" | "already-queued" | "running";
  jobId: string | null;
}

const SyncJobData = z.object({
  repoId: z.uuid(),
  trigger: z.enum(["schedule", "manual", "webhook", "test"]).optional(),
});
type SyncJobData = z.infer<typeof SyncJobData>;
const WebhookJobData = z.object({ deliveryId: z.string().min(1) });

/** What the UI and API call for "Sync now". */
export async function requestRepositorySync(
  repoId: string,
  trigger: SyncTrigger = "manual",
  startAfter?: Date,
): Promise<SyncRequestResult> {
  const running = await db.githubRepository.count({ where: { id: repoId, syncLeaseUntil: { gt: new Date() } } });
  const jobId = await sendJob(GITHUB_SYNC_QUEUE, { repoId, trigger } satisfies SyncJobData, {
    singletonKey: repoId,
    ...(startAfter ? { startAfter } : {}),
  });
  if (jobId) return { status: "queued", jobId };
  return { status: running ? "running" : "already-queued", jobId: null };
}

export async function runScheduledGithubSync(): Promise<Record<string, number | string>> {
  await ensureConfiguredRepositories();
  if (!(await hasUsableGithubToken())) return { skipped: "no GitHub token (GITHUB_TOKEN or Settings → Repositories)" };
  const repos = await db.githubRepository.findMany({
    where: { enabled: true },
    select: { id: true },
    orderBy: { key: "asc" },
  });
  let queued = 0;
  for (const repo of repos) if ((await requestRepositorySync(repo.id, "schedule")).status === "queued") queued++;
  return { repositories: repos.length, queued };
}

export async function runGithubSyncJob(raw: unknown, signal?: AbortSignal): Promise<Record<string, number | string>> {
  const data = SyncJobData.parse(raw);
  const repo = await db.githubRepository.findUnique({ where: { id: data.repoId }, select: { enabled: true } });
  if (!repo?.enabled) return { status: "skipped" };
  const result = await syncRepository(data.repoId, { trigger: data.trigger ?? "schedule", signal });
  if (result.status === "rate_limited" && result.resumeAfter) {
    // Not a failure: run again once GitHub's budget is back.
    await sendJob(
      GITHUB_SYNC_QUEUE,
      { repoId: data.repoId, trigger: data.trigger ?? "schedule" },
      { singletonKey: `${data.repoId}:resume`, startAfter: result.resumeAfter },
    );
    logger.info("github sync paused for the rate limit", {
      repoId: data.repoId,
      resumeAfter: result.resumeAfter.toISOString(),
    });
  }
  if (result.status !== "skipped") await afterGithubSync(data.repoId); // incidents from P0 issues, security alerts, references
  if (result.status === "failed") throw new Error(result.error ?? "GitHub sync failed");
  const p = result.progress;
  return {
    status: result.status,
    pages: p?.pages ?? 0,
    items: p?.items ?? 0,
    requests: p?.requests ?? 0,
    points: p?.pointsUsed ?? 0,
  };
}

export async function runGithubWebhookJob(raw: unknown): Promise<Record<string, string>> {
  const { deliveryId } = WebhookJobData.parse(raw);
  const result = await processWebhookDelivery(deliveryId);
  if (result.status === "processed") {
    const delivery = await db.githubWebhookDelivery.findUnique({
      where: { id: deliveryId },
      select: { repoKey: true },
    });
    const repo = delivery?.repoKey
      ? await db.githubRepository.findUnique({ where: { key: delivery.repoKey }, select: { id: true } })
      : null;
    if (repo) await afterGithubSync(repo.id);
  }
  return { ...result };
}
