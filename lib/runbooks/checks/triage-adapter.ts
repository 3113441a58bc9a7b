// The triage checks read the triage helper's getTriageCounts (lib/triage/queries), never a second copy of its rules.
// That module is marked server-only, which plain Node (the worker) refuses to load: there the import fails and the
// triage checks say "not connected" (never a pass); on pages and in the API they are live.
import { db } from "@/lib/db";

export type TriageCountsForChecks = { untriagedOver48h: number; p0PastTarget: number; stale: number };

export async function getTriageCountsForChecks(now: Date, repoIds?: string[]): Promise<TriageCountsForChecks | null> {
  const synced = await db.githubRepository.count({ where: { enabled: true, lastSyncAt: { not: null }, ...(repoIds ? { id: { in: repoIds } } : {}) } });
  if (synced === 0) return null; // no data is not zero
  let triage: typeof import("@/lib/triage/queries");
  try {
    triage = await import("@/lib/triage/queries");
  } catch {
    return null;
  }
  const counts = await triage.getTriageCounts({ now, repositoryIds: repoIds });
  return { untriagedOver48h: counts.untriagedOverdue, p0PastTarget: counts.p0Breached, stale: counts.stale };
}
