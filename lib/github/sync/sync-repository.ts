// syncRepository: one incremental sync of one repository — repository-level resources, then
// issues and pull requests side by side, then (once a day) the backstop. Safe to kill at any point: every
// page commits with its watermark, and the next run resumes from there.
import { db as defaultDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { GithubClient, type GithubClientOptions } from "../client";
import { RateLimitExhaustedError } from "../client-errors";
import { githubClientOptions } from "../credentials";
import type { SyncContext } from "./context";
import { DEFAULT_PAGE_SIZES, type ItemPageSizes, syncIssues, syncPulls } from "./items";
import { type OnProgress, ProgressTracker, type SyncProgress } from "./progress";
import { runBackstop } from "./backstop";
import { fetchRepoOverview, writeRepoOverview } from "./repo-overview";
import { claimLease, readCursors, releaseLease } from "./state";
import { runTogether } from "./together";

export type SyncTrigger = "schedule" | "manual" | "webhook" | "test";
export type SyncOutcome = "succeeded" | "failed" | "interrupted" | "rate_limited" | "skipped";

export interface SyncOptions {
  signal?: AbortSignal;
  /** Called after every committed page; throwing stops the sync there. */
  onProgress?: OnProgress;
  trigger?: SyncTrigger;
  /** Defaults: githubClientOptions() in credentials.ts (the configured token, GITHUB_API_URL, reserve, token lock). */
  client?: Partial<GithubClientOptions>;
  /** "auto" (default): when the last one is older than `backstopHours`. */
  backstop?: boolean | "auto";
  backstopHours?: number;
  pageSizes?: Partial<ItemPageSizes>;
  ciCommits?: number;
  db?: PrismaClient;
}

export interface SyncResult {
  runId: string | null;
  status: SyncOutcome;
  error?: string;
  /** rate_limited: when the budget is back and the sync should run again. */
  resumeAfter?: Date;
  progress: SyncProgress | null;
}

export async function syncRepository(repoId: string, options: SyncOptions = {}): Promise<SyncResult> {
  const db = options.db ?? defaultDb;
  const repo = await db.githubRepository.findUnique({ where: { id: repoId } });
  if (!repo) throw new Error(`No repository ${repoId}`);
  const leaseId = await claimLease(db, repoId);
  if (!leaseId)
    return { runId: null, status: "skipped", error: "A sync of this repository is already running.", progress: null };
  await db.githubSyncRun.updateMany({
    where: { repoId, status: "running" },
    data: { status: "interrupted", finishedAt: new Date(), error: "The process running this sync stopped." },
  });
  const run = await db.githubSyncRun.create({
    data: { repoId, trigger: options.trigger ?? "manual", status: "running" },
  });
  const warnings: string[] = [];
  let tracker: ProgressTracker | null = null;
  let result: SyncResult & { status: Exclude<SyncOutcome, "skipped"> };
  try {
    const client = new GithubClient({ ...(await githubClientOptions(options.client)), signal: options.signal });
    tracker = new ProgressTracker(run.id, repoId, client, options.onProgress);
    const ctx: SyncContext = {
      db,
      client,
      repo: { id: repo.id, owner: repo.owner, name: repo.name },
      leaseId,
      progress: tracker,
      signal: options.signal,
    };
    // Read while the overview's requests run, not behind its transaction (PGlite has one connection).
    const cursors = readCursors(db, repoId);
    const overview = await fetchRepoOverview(ctx, { ciCommits: options.ciCommits });
    warnings.push(...overview.warnings);
    // The overview commits first (its CI re-checks are older than any PR page's); the two walks
    // fetch side by side from there, so each one's pauses are the other's turn on the token.
    await runTogether(ctx, [
      (c) => writeRepoOverview(c, overview),
      (c) => syncIssues(c, options.pageSizes?.issues ?? DEFAULT_PAGE_SIZES.issues, cursors.issues),
      (c) => syncPulls(c, options.pageSizes?.pulls ?? DEFAULT_PAGE_SIZES.pulls, cursors.pulls),
    ]);
    const hours = options.backstopHours ?? 24;
    const due = repo.lastBackstopAt !== null && Date.now() - repo.lastBackstopAt.getTime() > hours * 3_600_000;
    if (options.backstop === true || (options.backstop !== false && due)) await runBackstop(ctx);
    else if (repo.lastBackstopAt === null)
      await db.githubRepository.update({ where: { id: repoId }, data: { lastBackstopAt: new Date() } }); // a first full sync needs no backstop
    result = { runId: run.id, status: "succeeded", progress: tracker.snapshot() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const progress = tracker?.snapshot() ?? null;
    if (error instanceof RateLimitExhaustedError)
      result = { runId: run.id, status: "rate_limited", error: message, resumeAfter: error.resetAt, progress };
    else if (options.signal?.aborted) result = { runId: run.id, status: "interrupted", error: message, progress };
    else result = { runId: run.id, status: "failed", error: message, progress };
  } finally {
    await releaseLease(db, repoId, leaseId);
  }
  const finishedAt = new Date();
  const errors = [...warnings, ...(result.error ? [result.error] : [])].map((message) => ({
    at: finishedAt.toISOString(),
    message: message.slice(0, 1000),
  }));
  await db.githubSyncRun.update({
    where: { id: run.id },
    data: {
      status: result.status,
      finishedAt,
      error: result.error?.slice(0, 1000) ?? null,
      errors,
      resumeAfter: result.resumeAfter ?? null,
    },
  });
  await db.githubRepository.update({
    where: { id: repoId },
    data: { lastSyncAt: finishedAt, lastSyncStatus: result.status },
  });
  const p = result.progress;
  (result.status === "failed" ? logger.warn : logger.info)("github sync finished", {
    repo: repo.key,
    status: result.status,
    error: result.error,
    pages: p?.pages,
    items: p?.items,
    changed: p?.changed,
    requests: p?.requests,
    points: p?.pointsUsed,
  });
  return result;
}
