// What every step of a repository sync works with, and how a step commits a page.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { GithubClient } from "../client";
import type { Tx } from "./bulk";
import type { ProgressTracker } from "./progress";
import { renewLease } from "./state";

export interface SyncRepo {
  id: string;
  owner: string;
  name: string;
}

export interface SyncContext {
  db: PrismaClient;
  client: GithubClient;
  repo: SyncRepo;
  /** Null outside a sync (webhook processing): nothing to renew. */
  leaseId: string | null;
  progress: ProgressTracker;
  signal?: AbortSignal;
}

/**
 * One page = one transaction: its rows, its watermark and the run's progress commit together, so
 * a sync killed at any point resumes after the last committed page. Network work happens before.
 */
export async function commitPage(
  ctx: SyncContext,
  resource: string,
  counts: { fetched: number; changed: number },
  work: (tx: Tx) => Promise<void>,
): Promise<void> {
  await ctx.db.$transaction(
    async (tx) => {
      if (ctx.leaseId) await renewLease(tx, ctx.repo.id, ctx.leaseId);
      await work(tx);
      ctx.progress.page(resource, counts.fetched, counts.changed);
      await ctx.progress.save(tx);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  await ctx.progress.emit();
}
