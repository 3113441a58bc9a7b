// The triage queue and Today's counts from the stored outcomes (stored-queue.ts); the SLA summary and
// the API's rows from evaluateItem over loadItemFacts.
import "server-only";
import { db } from "@/lib/db";
import { getTeamSchedule } from "@/lib/team/schedule";
import type { TeamSchedule } from "@/lib/team/schemas";
import { type ItemScope, loadItemFacts } from "./facts";
import { clockKind, type ClockKind } from "./rules/clock";
import { evaluateItem, type TriageRow } from "./rules/evaluate";
import { PRIORITIES, type TriageFilters } from "./schemas";
import { getTriageConfigs } from "./settings";
import type { SummaryRow } from "./summary";
import { listStoredQueue } from "./stored-order";
import {
  countStoredTabs,
  countStoredToday,
  listStoredAssignees,
  openStoredScope,
  summarizeStored,
} from "./stored-queue";
import type { TabCounts, TriageCounts } from "./views";

export type TriageScope = { now: Date; repositoryIds?: string[] };
export type TriageRepo = { id: string; key: string; owner: string; name: string };

/** Enabled repositories, optionally narrowed to some ids or one owner/name. */
export async function listTriageRepos(
  scope: { repositoryIds?: string[]; repoKey?: string } = {},
): Promise<TriageRepo[]> {
  return db.githubRepository.findMany({
    where: {
      enabled: true,
      ...(scope.repositoryIds ? { id: { in: scope.repositoryIds } } : {}),
      ...(scope.repoKey ? { key: scope.repoKey.toLowerCase() } : {}),
    },
    select: { id: true, key: true, owner: true, name: true },
    orderBy: { key: "asc" },
  });
}

export async function evaluateRepos(
  repos: TriageRepo[],
  scope: ItemScope,
  now: Date,
  schedule: TeamSchedule,
): Promise<TriageRow[]> {
  const configs = await getTriageConfigs(repos.map((r) => r.id));
  const perRepo = await Promise.all(
    repos.map(async (repo) => {
      const config = configs.get(repo.id);
      if (!config) return [];
      const facts = await loadItemFacts(repo, config, scope);
      return facts.map((f) => evaluateItem(f, config, schedule, now));
    }),
  );
  return perRepo.flat();
}

/** Every open issue and pull request of the given (default: all enabled) repositories, evaluated. */
export async function getTriageRows(
  scope: TriageScope & { repos?: TriageRepo[] },
): Promise<{ rows: TriageRow[]; clock: ClockKind; repos: TriageRepo[] }> {
  const [repos, schedule] = await Promise.all([
    scope.repos ?? listTriageRepos({ repositoryIds: scope.repositoryIds }),
    getTeamSchedule(),
  ]);
  return { rows: await evaluateRepos(repos, { open: true }, scope.now, schedule), clock: clockKind(schedule), repos };
}

export type TriageQueue = {
  items: TriageRow[];
  counts: TabCounts;
  clock: ClockKind;
  repos: TriageRepo[];
  assignees: string[];
  total: number;
};

/** The Triage page's queue from the stored outcomes (rebuilt first if the settings changed). */
export async function getTriageQueue(scope: TriageScope, filters: TriageFilters, limit = 500): Promise<TriageQueue> {
  const repos = await listTriageRepos({ repositoryIds: scope.repositoryIds });
  const stored = await openStoredScope(repos, scope.now);
  const [items, counts, assignees] = await Promise.all([
    listStoredQueue(stored, filters, limit),
    countStoredTabs(stored, filters),
    listStoredAssignees(stored),
  ]);
  return { items, counts, clock: clockKind(stored.schedule), repos, assignees, total: counts[filters.tab] };
}

/** For Today (the runbooks helper): the same rules and tabs as the queue, from the stored outcomes. */
export async function getTriageCounts(scope: TriageScope): Promise<TriageCounts> {
  const repos = await listTriageRepos({ repositoryIds: scope.repositoryIds });
  return countStoredToday(await openStoredScope(repos, scope.now));
}

export type TriageSummary = { days: number; clock: ClockKind; rows: SummaryRow[] };

export async function getTriageSummary(
  scope: TriageScope & { days: number; repoKey?: string },
): Promise<TriageSummary> {
  const repos = await listTriageRepos({ repositoryIds: scope.repositoryIds, repoKey: scope.repoKey });
  const stored = await openStoredScope(repos, scope.now);
  const since = new Date(scope.now.getTime() - scope.days * 86_400_000);
  const found = await summarizeStored(stored, since);
  const rows: SummaryRow[] = [];
  for (const repo of repos)
    for (const priority of [...PRIORITIES, "untriaged"] as const) {
      const r = found.find((x) => x.repoId === repo.id && (x.priority ?? "untriaged") === priority);
      const decided = r?.decided ?? 0;
      const within = r?.respondedWithinTarget ?? 0;
      rows.push({
        repo: repo.key,
        priority,
        items: r?.items ?? 0,
        decided,
        respondedWithinTarget: within,
        shareWithinTarget: decided ? within / decided : null,
        medianResponseSeconds: r?.medianResponseSeconds ?? null,
        breachedNow: r?.breachedNow ?? 0,
      });
    }
  return { days: scope.days, clock: clockKind(stored.schedule), rows };
}
