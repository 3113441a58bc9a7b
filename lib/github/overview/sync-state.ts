// A repository's newest sync run and whether a sync is running, shared by the list and the overview.
import { db } from "@/lib/db";
import type { GithubSyncStatus } from "@/lib/generated/prisma/client";

export type LastSyncRun = {
  id: string;
  status: GithubSyncStatus;
  trigger: string;
  startedAt: Date;
  finishedAt: Date | null;
  items: number;
  error: string | null;
};
export type SyncState = { last: LastSyncRun | null; running: boolean };

/**
 * A lease that has not lapsed means a sync is under way. A run still marked "running" without one
 * belongs to a process that died (the next sync marks it interrupted), so it does not count.
 */
export function isSyncRunning(syncLeaseUntil: Date | null, now: Date): boolean {
  return syncLeaseUntil !== null && syncLeaseUntil > now;
}

/** The newest run (by start time) of each repository. */
export async function getLastSyncRuns(repoIds: string[]): Promise<Map<string, LastSyncRun>> {
  if (repoIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<LastSyncRun & { repoId: string }>>`
    SELECT DISTINCT ON ("repoId") "repoId", id, status::text AS status, trigger, "startedAt", "finishedAt", items, error
    FROM "GithubSyncRun" WHERE "repoId" = ANY(${repoIds}::uuid[])
    ORDER BY "repoId", "startedAt" DESC, id DESC`;
  return new Map(rows.map(({ repoId, ...run }) => [repoId, run]));
}
