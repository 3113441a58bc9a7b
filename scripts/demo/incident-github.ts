// Demo: incidents from GitHub. Switches automatic opening from P0 issues on (as if 12 hours ago, so
// the triage demo's fresh P0 issue opens an incident once its repository is synced) and links a synced
// issue to the incident in progress. Runs in the background: the first sync takes a while.
import { db } from "@/lib/db";
import { saveAutoOpenConfig } from "@/lib/incidents/github/settings";
import { afterGithubSync } from "@/lib/incidents/github/after-sync";
import { linkRelatedItem } from "@/lib/incidents/github/related";

const IN_PROGRESS = "Checkout API returns 502 for a third of requests";

async function linkDemoIssue(repoKey: string): Promise<boolean> {
  const incident = await db.incident.findFirst({ where: { title: IN_PROGRESS, resolvedAt: null } });
  const issue = await db.githubItem.findFirst({
    where: { repo: { key: repoKey }, kind: "issue", state: "CLOSED" },
    orderBy: { closedAt: "desc" },
  });
  if (!incident || !issue) return false;
  if (await db.incidentLink.count({ where: { incidentId: incident.id } })) return true;
  await linkRelatedItem({ actor: null }, incident.id, `${repoKey}#${issue.number}`);
  return true;
}

export async function seedIncidentGithubDemo(repoKeys: string[], now = new Date()): Promise<void> {
  if (await db.incidentAutoOpenSettings.count()) return;
  await saveAutoOpenConfig(
    { actor: null, now: new Date(now.getTime() - 12 * 3_600_000) },
    {
      p0Issues: { enabled: true, type: "critical-bug", severity: "SEV2" },
      securityAlerts: { enabled: false, type: "security", severity: "SEV2", minSeverity: "CRITICAL" },
    },
  );
  void (async () => {
    for (let i = 0; i < 60; i++) {
      await new Promise((r) => setTimeout(r, 5_000));
      const repos = await db.githubRepository.findMany({ where: { key: { in: repoKeys }, lastSyncAt: { not: null } } });
      if (repos.length === 0) continue;
      for (const repo of repos) await afterGithubSync(repo.id);
      if (await linkDemoIssue(repos[0]!.key)) {
        const opened = await db.incident.count({ where: { originKey: { not: null } } });
        console.log(`demo: ${opened} incident(s) opened from P0 issues; a related issue linked to the one in progress`);
        return;
      }
    }
  })().catch((error: unknown) => console.error("demo: incidents from GitHub failed", error));
}
