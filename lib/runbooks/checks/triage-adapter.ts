// The triage checks read getTriageCounts (lib/triage/queries), never a second copy of its rules.
import { db } from "@/lib/db";
import { getTriageCounts } from "@/lib/triage/queries";

export type TriageCountsForChecks = { untriagedOver48h: number; p0PastTarget: number; stale: number };

export async function getTriageCountsForChecks(now: Date, repoIds?: string[]): Promise<TriageCountsForChecks | null> {
  const synced = await db.githubRepository.count({
    where: { enabled: true, lastSyncAt: { not: null }, ...(repoIds ? { id: { in: repoIds } } : {}) },
  });
  if (synced === 0) return null; // no data is not zero
  const counts = await getTriageCounts({ now, repositoryIds: repoIds });
  return { untriagedOver48h: counts.untriagedOverdue, p0PastTarget: counts.p0Breached, stale: counts.stale };
}
