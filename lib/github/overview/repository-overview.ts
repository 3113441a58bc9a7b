// One repository's overview page, read from the synced tables (definitions.ts says what each number means).
import "server-only";
import { db } from "@/lib/db";
import type { GithubActorType } from "@/lib/generated/prisma/client";
import { getDefaultBranchCi, type DefaultBranchCi } from "./ci";
import { countOpenAlerts, countOpenItems, OPEN_ITEM, type AlertCounts } from "./counts";
import { listNewestIssues, listPullsAwaitingReview, repositoryWebUrl, type ItemLink } from "./lists";
import { getLastSyncRuns, isSyncRunning, type SyncState } from "./sync-state";

export const UNLABELED_LIST_SIZE = 10;

export type RepositoryFacts = {
  id: string;
  owner: string;
  name: string;
  key: string;
  defaultBranch: string | null;
  isArchived: boolean;
  isPrivate: boolean;
  enabled: boolean;
};
export type UnlabeledIssue = {
  number: number;
  title: string;
  url: string;
  authorLogin: string | null;
  authorType: GithubActorType;
  createdAt: Date;
};
export type LatestRelease = {
  tagName: string;
  name: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  isPrerelease: boolean;
  isLatest: boolean;
  url: string;
};
export type RepoStats = { day: Date; stars: number; forks: number; watchers: number };

export type RepositoryOverview = {
  repository: RepositoryFacts;
  /** False before the first sync finished: no run has succeeded and no item is stored. */
  synced: boolean;
  issues: { open: number };
  /** `open` includes the drafts. */
  pulls: { open: number; drafts: number };
  unlabeled: { count: number; newest: UnlabeledIssue[] };
  ci: DefaultBranchCi;
  latestRelease: LatestRelease | null;
  alerts: AlertCounts;
  stats: RepoStats | null;
  sync: SyncState;
  /** The repository on GitHub (from a synced address); null before anything is synced. */
  webUrl: string | null;
  awaitingReview: { count: number; items: ItemLink[] };
  newestIssues: ItemLink[];
};

const UNLABELED_ISSUE = { kind: "issue", ...OPEN_ITEM, labels: { none: {} } } as const;

/** GitHub's "latest" mark wins; otherwise the newest non-draft release by publication (else creation) date. */
export async function getLatestRelease(repoId: string): Promise<LatestRelease | null> {
  const rows = await db.$queryRaw<LatestRelease[]>`
    SELECT "tagName", name, "publishedAt", "createdAt", "isPrerelease", "isLatest", url FROM "GithubRelease"
    WHERE "repoId" = ${repoId}::uuid AND NOT "isDraft"
    ORDER BY "isLatest" DESC, COALESCE("publishedAt", "createdAt") DESC, "createdAt" DESC, id DESC LIMIT 1`;
  return rows[0] ?? null;
}

export type RepositoryHeader = Pick<RepositoryOverview, "repository" | "synced" | "stats" | "sync" | "webUrl">;

/** The facts every part of the page needs (name, synced or not, GitHub address); null when steward does not know it. */
export async function getRepositoryHeader(
  owner: string,
  name: string,
  now = new Date(),
): Promise<RepositoryHeader | null> {
  const repo = await db.githubRepository.findUnique({ where: { key: `${owner}/${name}`.toLowerCase() } });
  if (!repo) return null;
  const [runs, stats, anyItem, succeeded] = await Promise.all([
    getLastSyncRuns([repo.id]),
    db.githubRepoStatsDaily.findFirst({
      where: { repoId: repo.id },
      orderBy: { day: "desc" },
      select: { day: true, stars: true, forks: true, watchers: true },
    }),
    db.githubItem.findFirst({ where: { repoId: repo.id }, select: { id: true, url: true } }),
    db.githubSyncRun.findFirst({ where: { repoId: repo.id, status: "succeeded" }, select: { id: true } }),
  ]);
  // Without any item, a synced commit's address still names the repository on GitHub.
  const sample = anyItem?.url ?? (await getDefaultBranchCi([repo.id])).get(repo.id)?.commit?.url;
  return {
    repository: {
      id: repo.id,
      owner: repo.owner,
      name: repo.name,
      key: repo.key,
      defaultBranch: repo.defaultBranch,
      isArchived: repo.isArchived,
      isPrivate: repo.isPrivate,
      enabled: repo.enabled,
    },
    synced: anyItem !== null || succeeded !== null,
    stats,
    sync: { last: runs.get(repo.id) ?? null, running: isSyncRunning(repo.syncLeaseUntil, now) },
    webUrl: repositoryWebUrl(sample),
  };
}

/** The page's widgets, each read on its own so each streams in its own Suspense boundary. */
export const overviewParts = {
  async openWork(repoId: string) {
    const open = (await countOpenItems([repoId])).get(repoId)!;
    return { issues: { open: open.issues }, pulls: { open: open.pulls, drafts: open.draftPulls } };
  },
  async alerts(repoId: string): Promise<AlertCounts> {
    return (await countOpenAlerts([repoId])).get(repoId)!;
  },
  async ci(repoId: string): Promise<DefaultBranchCi> {
    return (await getDefaultBranchCi([repoId])).get(repoId)!;
  },
  async unlabeled(repoId: string): Promise<RepositoryOverview["unlabeled"]> {
    const [count, newest] = await Promise.all([
      db.githubItem.count({ where: { repoId, ...UNLABELED_ISSUE } }),
      db.githubItem.findMany({
        where: { repoId, ...UNLABELED_ISSUE },
        orderBy: [{ createdAt: "desc" }, { number: "desc" }],
        take: UNLABELED_LIST_SIZE,
        select: { number: true, title: true, url: true, authorLogin: true, authorType: true, createdAt: true },
      }),
    ]);
    return { count, newest };
  },
  latestRelease: getLatestRelease,
  awaitingReview: listPullsAwaitingReview,
  newestIssues: listNewestIssues,
};

/** Looks the repository up by its lower-case key; null when steward does not know it. */
export async function getRepositoryOverview(
  owner: string,
  name: string,
  now = new Date(),
): Promise<RepositoryOverview | null> {
  const header = await getRepositoryHeader(owner, name, now);
  if (!header) return null;
  const id = header.repository.id;
  const [work, alerts, ci, unlabeled, latestRelease, awaitingReview, newestIssues] = await Promise.all([
    overviewParts.openWork(id),
    overviewParts.alerts(id),
    overviewParts.ci(id),
    overviewParts.unlabeled(id),
    overviewParts.latestRelease(id),
    overviewParts.awaitingReview(id),
    overviewParts.newestIssues(id),
  ]);
  return { ...header, ...work, unlabeled, ci, latestRelease, alerts, awaitingReview, newestIssues };
}
