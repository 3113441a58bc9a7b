// Incidents from GitHub: a new P0 issue (triage priority P0 from its labels, lib/triage) and a new
// Dependabot alert at or above the configured severity, each when its source is on in Settings →
// Incidents. "New" means it became P0 (created with, or labelled) or was created after the source was
// switched on. Opening is idempotent through open.ts (unique origin key); this only finds candidates.
import { db } from "@/lib/db";
import { getTriageConfig } from "@/lib/triage/settings";
import { priorityOfLabel, resolvePriority } from "@/lib/triage/rules/labels";
import { openFromOrigin } from "./open";
import { getAutoOpenConfig } from "./settings";
import { severitiesFrom } from "./settings-schema";

export const issueOriginKey = (itemId: string) => `github-issue:${itemId}`;
export const alertOriginKey = (alertId: string) => `security-alert:${alertId}`;

type Ctx = { now?: Date };
type Candidate = { id: string; number: number; title: string; url: string; state: string; createdAt: Date };

/** When each open issue of the repository became P0 at or after `since` (null: not P0, or P0 before it). */
async function newP0Issues(repoId: string, since: Date): Promise<Array<Candidate & { p0At: Date }>> {
  const config = await getTriageConfig(repoId);
  const rows = await db.$queryRaw<Array<Candidate & { labels: string[] }>>`
    SELECT i.id, i.number, i.title, i.url, i.state, i."createdAt", array_agg(l.name) AS labels
    FROM "GithubItem" i JOIN "GithubItemLabel" il ON il."itemId" = i.id JOIN "GithubLabel" l ON l.id = il."labelId"
    WHERE i."repoId" = ${repoId}::uuid AND i.kind = 'issue' AND i.state = 'OPEN' AND i."removedAt" IS NULL
      AND i."updatedAt" >= ${since}
    GROUP BY i.id`;
  const p0 = rows.filter((r) => resolvePriority(r.labels, config) === "P0");
  if (p0.length === 0) return [];
  const events = await db.githubItemEvent.findMany({
    where: { itemId: { in: p0.map((r) => r.id) }, kind: "labeled", createdAt: { gte: since } },
    select: { itemId: true, label: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  const out: Array<Candidate & { p0At: Date }> = [];
  for (const row of p0) {
    const labelled = events.find((e) => e.itemId === row.id && e.label && priorityOfLabel(e.label, config) === "P0");
    const p0At = row.createdAt >= since ? row.createdAt : labelled?.createdAt;
    if (p0At) out.push({ ...row, p0At });
  }
  return out;
}

export type GithubOpenOutcome = { opened: string[]; candidates: number };

/** Opens what is due for one repository (after its sync or a webhook); safe to run any number of times. */
export async function openIncidentsFromGithub(ctx: Ctx, repoId: string): Promise<GithubOpenOutcome> {
  const now = ctx.now ?? new Date();
  const config = await getAutoOpenConfig();
  const repo = await db.githubRepository.findUnique({
    where: { id: repoId },
    select: { key: true, owner: true, name: true },
  });
  const outcome: GithubOpenOutcome = { opened: [], candidates: 0 };
  if (!repo) return outcome;
  const repoName = `${repo.owner}/${repo.name}`;
  const { p0Issues, securityAlerts } = config;
  if (p0Issues.enabled && p0Issues.since) {
    for (const issue of await newP0Issues(repoId, new Date(p0Issues.since))) {
      outcome.candidates++;
      const id = await openFromOrigin({
        key: issueOriginKey(issue.id),
        title: `P0: ${issue.title}`,
        type: p0Issues.type,
        severity: p0Issues.severity,
        startedAt: issue.p0At,
        detectedAt: now > issue.p0At ? now : issue.p0At,
        repository: repo.key,
        body: `Opened automatically: P0 issue ${repoName}#${issue.number} — ${issue.title}`,
        url: issue.url,
        item: { ...issue, kind: "issue" },
      });
      if (id) outcome.opened.push(id);
    }
  }
  if (securityAlerts.enabled && securityAlerts.since) {
    const alerts = await db.githubSecurityAlert.findMany({
      where: {
        repoId,
        state: "OPEN",
        severity: { in: severitiesFrom(securityAlerts.minSeverity) },
        createdAt: { gte: new Date(securityAlerts.since) },
      },
      orderBy: { createdAt: "asc" },
    });
    for (const alert of alerts) {
      outcome.candidates++;
      const what = `${alert.packageName ?? "a dependency"} (${alert.ecosystem ?? "?"}, ${alert.manifestPath})`;
      const id = await openFromOrigin({
        key: alertOriginKey(alert.id),
        title: `${alert.severity} security alert in ${repoName}: ${alert.summary ?? alert.packageName ?? `#${alert.number}`}`,
        type: securityAlerts.type,
        severity: securityAlerts.severity,
        startedAt: alert.createdAt,
        detectedAt: now > alert.createdAt ? now : alert.createdAt,
        repository: repo.key,
        body: `Opened automatically: ${alert.severity} Dependabot alert #${alert.number} on ${what}${alert.ghsaId ? ` — ${alert.ghsaId}` : ""}`,
        url: `https://github.com/${repoName}/security/dependabot/${alert.number}`,
      });
      if (id) outcome.opened.push(id);
    }
  }
  return outcome;
}
