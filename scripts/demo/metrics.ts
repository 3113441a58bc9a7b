// Demo: a year of daily star/fork snapshots for the demo repositories (the sync records one per day
// from the day it first runs, so a fresh demo would show no history). Growth ends at the synced
// counts; days that already have a snapshot are left alone.
import { waitForDatabase } from "./wait-for-database";

const DAYS = 400;

export async function seedMetricsDemo(repoKeys: string[], timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const db = await waitForDatabase((db) => db.githubRepoStatsDaily.count(), timeoutMs);
  for (const key of repoKeys) {
    let latest = null;
    while (Date.now() < deadline) {
      latest = await db.githubRepoStatsDaily
        .findFirst({ where: { repo: { key } }, orderBy: { day: "desc" } })
        .catch(() => null);
      if (latest) break;
      await new Promise((r) => setTimeout(r, 2000));
    }
    if (!latest) {
      console.log(`demo: no synced stars for ${key} yet; metrics show no star history`);
      continue;
    }
    const rows = Array.from({ length: DAYS }, (_, i) => {
      const daysBack = i + 1;
      const share = 1 - daysBack / (DAYS * 1.6); // roughly linear growth with a weekly wobble
      const wobble = Math.round(Math.sin(daysBack / 7) * 2);
      return {
        repoId: latest.repoId,
        day: new Date(latest.day.getTime() - daysBack * 86_400_000),
        stars: Math.max(0, Math.round(latest.stars * share) + wobble),
        forks: Math.max(0, Math.round(latest.forks * share)),
        watchers: latest.watchers,
      };
    });
    const { count } = await db.githubRepoStatsDaily.createMany({ data: rows, skipDuplicates: true });
    console.log(`demo: ${count} daily star/fork snapshots for ${key} (metrics history)`);
  }
}
