// What every step of a repository sync works with, and how a step commits a page.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { GithubClient } from "../client";
import type { Tx } from "./bulk";
import type { ProgressTracker, SyncProgress } from "./progress";
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

type PageCounts = { fetched: number; changed: number };

/**
 * One page (or a run of consecutive pages) = one transaction: its rows, its watermark and the
 * run's progress commit together, so a sync killed at any point resumes after the last committed
 * page. Network work happens before. Progress is reported once per page, after the commit.
 */
export async function commitPage(
  ctx: SyncContext,
  resource: string,
  counts: PageCounts | PageCounts[],
  work: (tx: Tx) => Promise<void>,
): Promise<void> {
  const snapshots: SyncProgress[] = [];
  await ctx.db.$transaction(
    async (tx) => {
      snapshots.length = 0; // a retried callback starts over
      if (ctx.leaseId) await renewLease(tx, ctx.repo.id, ctx.leaseId);
      await work(tx);
      for (const page of Array.isArray(counts) ? counts : [counts]) {
        ctx.progress.page(resource, page.fetched, page.changed);
        snapshots.push(ctx.progress.snapshot());
      }
      await ctx.progress.save(tx);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  for (const snapshot of snapshots) await ctx.progress.emit(snapshot);
}
