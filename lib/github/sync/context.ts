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
  /** Set while steps run side by side (together.ts): their transactions then go one at a time, in call order. */
  commits?: CommitQueue;
}

/**
 * Transactions one after the other, in the order they were asked for: steps that fetch side by side
 * still write as one sequence (rows two steps share, e.g. labels, are never locked in two orders, and
 * a later answer is never overwritten by an earlier one). Once `signal` aborts, nothing more starts.
 */
export class CommitQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly signal?: AbortSignal) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(() => {
      this.signal?.throwIfAborted();
      return work();
    });
    this.tail = run.catch(() => undefined);
    return run;
  }
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
  const transaction = () =>
    ctx.db.$transaction(
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
  // Queued now, before any await: the queue's order is the order of the calls.
  await (ctx.commits ? ctx.commits.run(transaction) : transaction());
  for (const snapshot of snapshots) await ctx.progress.emit(snapshot);
}
