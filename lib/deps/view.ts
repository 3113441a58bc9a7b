// What the Dependencies page and the Today page read: per-repository counts, and one repository's lists.
import "server-only";
import { db } from "@/lib/db";
import { getAlertHistory, listOpenAlerts, type AlertHistory, type OpenAlert } from "./alerts";
import { getUpdateTargets } from "./config";
import { getOutdatedSummaries, listOutdated, type OutdatedDependency, type OutdatedSummary } from "./outdated";
import { getUpdateMergeStats, listOpenUpdatePulls, type MergeStats, type UpdatePull } from "./update-pulls";

export type DependencyCounts = {
  repoId: string;
  key: string;
  overdueSecurity: number;
  overduePatchMinor: number;
  openUpdatePulls: number;
};
export type RepoChoice = { id: string; key: string; owner: string; name: string };
export type DependenciesPageData = {
  repositories: RepoChoice[];
  selected: RepoChoice | null;
  counts: DependencyCounts[];
  alerts: OpenAlert[];
  history: AlertHistory;
  updatePulls: UpdatePull[];
  mergeStats: MergeStats;
  outdated: OutdatedDependency[];
  outdatedSummary: OutdatedSummary[];
  targets: ReturnType<typeof getUpdateTargets>;
};

const overdue = (sla: string) => sla === "breached";

/** For the Today page and the runbook checks ("Review dependency updates"): see definitions.ts. */
export async function getDependencyCounts(ctx: { now: Date; repositoryIds?: string[] }): Promise<DependencyCounts[]> {
  const repos = await db.githubRepository.findMany({
    where: ctx.repositoryIds ? { id: { in: ctx.repositoryIds } } : { enabled: true },
    select: { id: true, key: true },
    orderBy: { key: "asc" },
  });
  const ids = repos.map((r) => r.id);
  const c = { now: ctx.now, targets: getUpdateTargets() };
  const [alerts, pulls, outdated] = await Promise.all([
    listOpenAlerts(c, ids),
    listOpenUpdatePulls(c, ids),
    listOutdated(c, ids),
  ]);
  return repos.map((r) => ({
    repoId: r.id,
    key: r.key,
    overdueSecurity:
      alerts.filter((a) => a.repoId === r.id && overdue(a.sla)).length +
      pulls.filter((p) => p.repoId === r.id && p.class === "security" && overdue(p.sla)).length,
    overduePatchMinor: [...pulls, ...outdated].filter(
      (x) => x.repoId === r.id && (x.class === "patch" || x.class === "minor") && overdue(x.sla),
    ).length,
    openUpdatePulls: pulls.filter((p) => p.repoId === r.id).length,
  }));
}

/** `repoKey` filters to one repository (owner/name, any case); without it every enabled repository. */
export async function getDependenciesPage(ctx: { now: Date; repoKey?: string }): Promise<DependenciesPageData> {
  const repositories = await db.githubRepository.findMany({
    where: { enabled: true },
    select: { id: true, key: true, owner: true, name: true },
    orderBy: { key: "asc" },
  });
  const selected = ctx.repoKey ? (repositories.find((r) => r.key === ctx.repoKey!.toLowerCase()) ?? null) : null;
  const ids = selected ? [selected.id] : repositories.map((r) => r.id);
  const targets = getUpdateTargets();
  const c = { now: ctx.now, targets };
  const [counts, alerts, history, updatePulls, mergeStats, outdated, summaries] = await Promise.all([
    getDependencyCounts({ now: ctx.now, repositoryIds: ids }),
    listOpenAlerts(c, ids),
    getAlertHistory(ids, 20),
    listOpenUpdatePulls(c, ids),
    getUpdateMergeStats({ now: ctx.now }, ids),
    listOutdated(c, ids),
    getOutdatedSummaries(ids),
  ]);
  return {
    repositories,
    selected,
    counts,
    alerts,
    history,
    updatePulls,
    mergeStats,
    outdated: outdated.slice(0, 200),
    outdatedSummary: [...summaries.values()],
    targets,
  };
}
