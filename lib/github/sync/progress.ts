// Live progress of a sync run: kept in memory, written to GithubSyncRun with every committed page
// (so a UI can poll it) and handed to the caller's onProgress after the commit.
import type { GithubClient } from "../client";
import type { Tx } from "./bulk";

export interface SyncProgress {
  runId: string | null;
  repoId: string;
  resource: string;
  pages: number;
  /** Items (issues and PRs) fetched so far; `changed` of them were new or updated. */
  items: number;
  changed: number;
  requests: number;
  pointsUsed: number;
  rateRemaining: number | null;
  rateResetAt: Date | null;
  /** Items this run expects to fetch, where GitHub told us (null while unknown). */
  itemsTotal: number | null;
  etaSeconds: number | null;
}

export type OnProgress = (progress: SyncProgress) => void | Promise<void>;

export class ProgressTracker {
  resource = "starting";
  pages = 0;
  items = 0;
  changed = 0;
  private readonly totals = new Map<string, number>();
  private readonly done = new Map<string, number>();
  private readonly startedAt = Date.now();

  constructor(
    readonly runId: string | null,
    readonly repoId: string,
    private readonly client: GithubClient,
    private readonly onProgress?: OnProgress,
  ) {}

  expect(resource: string, total: number): void {
    this.totals.set(resource, total);
  }

  page(resource: string, fetched: number, changed: number): void {
    this.resource = resource;
    this.pages++;
    this.items += fetched;
    this.changed += changed;
    this.done.set(resource, (this.done.get(resource) ?? 0) + fetched);
  }

  snapshot(): SyncProgress {
    const known = [...this.totals.entries()];
    const itemsTotal = known.length ? known.reduce((n, [, total]) => n + total, 0) : null;
    const left = known.reduce((n, [resource, total]) => n + Math.max(0, total - (this.done.get(resource) ?? 0)), 0);
    const perSecond = this.items / Math.max(0.001, (Date.now() - this.startedAt) / 1000);
    const { stats } = this.client;
    return {
      runId: this.runId,
      repoId: this.repoId,
      resource: this.resource,
      pages: this.pages,
      items: this.items,
      changed: this.changed,
      requests: stats.requests,
      pointsUsed: stats.points,
      rateRemaining: stats.remaining,
      rateResetAt: stats.resetAt,
      itemsTotal,
      etaSeconds: itemsTotal === null || perSecond === 0 ? null : Math.ceil(left / perSecond),
    };
  }

  async save(tx: Tx): Promise<void> {
    if (!this.runId) return;
    const p = this.snapshot();
    await tx.githubSyncRun.update({
      where: { id: this.runId },
      data: {
        resource: p.resource,
        pages: p.pages,
        items: p.items,
        changed: p.changed,
        requests: p.requests,
        pointsUsed: p.pointsUsed,
        rateRemaining: p.rateRemaining,
        rateResetAt: p.rateResetAt,
        itemsTotal: p.itemsTotal,
        etaSeconds: p.etaSeconds,
      },
    });
  }

  /** After a commit: a throwing callback stops the sync between pages (nothing half-written). */
  async emit(snapshot = this.snapshot()): Promise<void> {
    await this.onProgress?.(snapshot);
  }
}
