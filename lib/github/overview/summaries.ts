// Every repository (enabled and paused) with its headline numbers, for the list page.
import "server-only";
import { db } from "@/lib/db";
import { getDefaultBranchCi, type CiState } from "./ci";
import { countOpenAlerts, countOpenItems } from "./counts";
import { getLastSyncRuns, isSyncRunning, type SyncState } from "./sync-state";

export type RepositorySummary = {
  id: string;
  owner: string;
  name: string;
  enabled: boolean;
  isArchived: boolean;
  openIssues: number;
  /** Drafts included. */
  openPulls: number;
  openAlerts: number;
  ci: CiState;
  sync: SyncState;
  /** False until a sync succeeded or stored an item: the numbers are not zeros then, they are unknown. */
  synced: boolean;
};

/** Ordered by owner/name (case-insensitive). */
export async function listRepositorySummaries(now = new Date()): Promise<RepositorySummary[]> {
  const repos = await db.githubRepository.findMany({
    orderBy: { key: "asc" },
    select: {
      id: true,
      owner: true,
      name: true,
      enabled: true,
      isArchived: true,
      syncLeaseUntil: true,
      lastSyncStatus: true,
    },
  });
  const ids = repos.map((r) => r.id);
  const [items, alerts, ci, runs] = await Promise.all([
    countOpenItems(ids),
    countOpenAlerts(ids),
    getDefaultBranchCi(ids),
    getLastSyncRuns(ids),
  ]);
  return repos.map((r) => {
    const last = runs.get(r.id) ?? null;
    return {
      id: r.id,
      owner: r.owner,
      name: r.name,
      enabled: r.enabled,
      isArchived: r.isArchived,
      openIssues: items.get(r.id)?.issues ?? 0,
      openPulls: items.get(r.id)?.pulls ?? 0,
      openAlerts: alerts.get(r.id)?.open ?? 0,
      ci: ci.get(r.id)?.state ?? "none",
      sync: { last, running: isSyncRunning(r.syncLeaseUntil, now) },
      synced: r.lastSyncStatus === "succeeded" || (items.get(r.id)?.issues ?? 0) + (items.get(r.id)?.pulls ?? 0) > 0,
    };
  });
}
