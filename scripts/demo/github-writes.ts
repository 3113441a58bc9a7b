// Demo data for the GitHub parts of incidents and dependencies: the search postmortem's first action
// item already became an issue on acme/widgets (closed since, so the postmortem shows it closed after
// the sync); its second can be turned into one live. acme/widgets is also a small monorepo.
import { closeIssue, createIssue } from "@/lib/github/test-server/mutations";
import type { GeneratedRepo } from "@/lib/github/test-server/types";

const POSTMORTEM_TITLE = "Search latency above 2 s after index rebuild";
const ITEM = "Set WARM=1 in the cron job";

/** Workspace packages below the root, read by the dependency refresh like the root manifests. */
export function addDemoMonorepo(repo: GeneratedRepo): void {
  repo.files["packages/web/package.json"] = `${JSON.stringify(
    { name: "@acme/web", private: true, dependencies: { react: "^18.2.0", "date-fns": "^2.30.0" } },
    null,
    2,
  )}\n`;
  repo.files["services/search/requirements.txt"] = "httpx==0.25.2\npydantic>=2.4,<3\n";
}

/** Opens (and closes) the issue on the test server before it starts; returns its number. */
export function addDemoActionItemIssue(repo: GeneratedRepo, now: Date): number {
  const opened = new Date(now.getTime() - 44 * 86_400_000);
  const issue = createIssue(repo, opened, {
    title: ITEM,
    body: "Action item from the postmortem of the incident “Search latency above 2 s after index rebuild”.",
    author: repo.actors.find((a) => a.__typename === "User") ?? null,
  });
  closeIssue(repo, issue.number, new Date(now.getTime() - 40 * 86_400_000));
  return issue.number;
}

/** Links the issue to the postmortem once the incident and the synced repository exist. */
export async function linkDemoActionItemIssue(number: number): Promise<void> {
  const { db } = await import("@/lib/db");
  const { actionItemKey } = await import("@/lib/incidents/action-items/keys");
  for (let i = 0; i < 240; i++) {
    const [incident, repo] = await Promise.all([
      db.incident.findFirst({ where: { title: POSTMORTEM_TITLE }, select: { id: true } }),
      db.githubRepository.findUnique({ where: { key: "acme/widgets" }, select: { id: true } }),
    ]);
    if (incident && repo) {
      await db.incidentActionItemIssue.upsert({
        where: { incidentId_itemKey: { incidentId: incident.id, itemKey: actionItemKey(ITEM) } },
        update: {},
        create: {
          incidentId: incident.id,
          itemKey: actionItemKey(ITEM),
          itemText: ITEM,
          repoId: repo.id,
          status: "created",
          claimedAt: new Date(),
          claimedById: "victor",
          number,
          url: `https://github.com/acme/widgets/issues/${number}`,
          createdAt: new Date(),
        },
      });
      console.log(`demo: postmortem action item linked to acme/widgets#${number}`);
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
