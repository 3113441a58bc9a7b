// Everything repository-level in (usually) one request: stats, default-branch CI, releases, tags,
// Dependabot alerts and CI re-checks of open PRs and commits whose checks were still running.
import { type GithubErrorInfo, GithubQueryError, partialData } from "../client-errors";
import { RECHECK_PAGE, REPO_OVERVIEW } from "../queries/repository";
import type { GqlRecheck, GqlRepoOverview, SimplePage } from "../queries/types";
import { commitPage, type SyncContext } from "./context";
import { completeContexts } from "./item-details";
import { alertRow, commitRow, releaseRow, tagRow } from "./map-repo";
import { nextAlerts, nextHistory, nextLabels, nextMilestones, nextReleases, nextTags, readList } from "./repo-lists";
import { ALERTS, COMMITS, LABELS, MILESTONES, RELEASES, TAGS } from "./tables";
import { cleanText } from "../text";
import { notNull, upsertRows } from "./bulk";
import { writeCommitChecks } from "./write-items";
import { writeRecheck } from "./recheck";
import { getEnv } from "@/lib/env";

/** Default-branch commits whose CI is kept at least (newest first), besides the history horizon. */
export const CI_COMMITS = 100;
const PENDING = ["PENDING", "EXPECTED"];
/** A default-branch commit whose checks never finish is not asked about forever. */
const RECHECK_DAYS = 7;
const EMPTY: SimplePage<never> = { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };

interface OverviewData {
  repository: GqlRepoOverview;
  recheck: GqlRecheck[];
}

/** A re-checked PR or commit that is gone comes back as null with a NOT_FOUND error. */
export const goneRecheck = (e: GithubErrorInfo) => e.type === "NOT_FOUND" && e.path?.[0] === "recheck";
const alertsError = (e: GithubErrorInfo) => e.path?.includes("vulnerabilityAlerts") === true;

/** Runs the overview; a token that may not read Dependabot alerts gets everything else. */
async function fetchOverview(
  ctx: SyncContext,
  variables: Record<string, unknown>,
  withAlerts = true,
): Promise<{ data: OverviewData; alertsReadable: boolean }> {
  try {
    return {
      data: await ctx.client.query<OverviewData>(REPO_OVERVIEW, { ...variables, withAlerts }),
      alertsReadable: withAlerts,
    };
  } catch (error) {
    if (withAlerts && error instanceof GithubQueryError && error.errors.some(alertsError)) {
      partialData(error, (e) => alertsError(e) || goneRecheck(e)); // rethrows anything else
      return fetchOverview(ctx, variables, false);
    }
    return { data: partialData<OverviewData>(error, goneRecheck), alertsReadable: withAlerts };
  }
}

/** What the overview's requests brought, ready to be written in one transaction. */
export type RepoOverview = Awaited<ReturnType<typeof fetchRepoOverview>>;

/** The overview's requests (and the reads that shape them); nothing is written yet. */
export async function fetchRepoOverview(ctx: SyncContext, options: { ciCommits?: number } = {}) {
  const { db, repo } = ctx;
  const [commits, releases, tags, pendingPulls, pendingCommits] = await Promise.all([
    db.githubCommit.findMany({ where: { repoId: repo.id }, select: { oid: true } }),
    db.githubRelease.findMany({ where: { repoId: repo.id }, select: { id: true, updatedAt: true } }),
    db.githubTag.findMany({ where: { repoId: repo.id }, select: { name: true, commitOid: true } }),
    db.githubItem.findMany({
      where: { repoId: repo.id, kind: "pull_request", state: "OPEN", removedAt: null, checkState: { in: PENDING } },
      select: { id: true },
    }),
    db.githubCommit.findMany({
      where: {
        repoId: repo.id,
        checkState: { in: PENDING },
        nodeId: { not: null },
        committedDate: { gt: new Date(Date.now() - RECHECK_DAYS * 86_400_000) },
      },
      select: { nodeId: true },
    }),
  ]);
  const knownCommits = new Set(commits.map((c) => c.oid));
  const knownReleases = new Map(releases.map((r) => [r.id, r.updatedAt.getTime()]));
  const knownTags = new Set(tags.map((t) => `${t.name}@${t.commitOid}`));
  const recheckIds = [...pendingPulls.map((p) => p.id), ...pendingCommits.flatMap((c) => (c.nodeId ? [c.nodeId] : []))];

  const firstBatch = recheckIds.slice(0, 50);
  const { data, alertsReadable } = await fetchOverview(ctx, {
    owner: repo.owner,
    name: repo.name,
    historyFirst: knownCommits.size ? 10 : 50,
    recheck: firstBatch,
  });
  const r = data.repository;
  const rechecked = [...data.recheck];
  for (let i = 50; i < recheckIds.length; i += 50) {
    const page = await ctx.client
      .query<{ recheck: GqlRecheck[] }>(RECHECK_PAGE, { recheck: recheckIds.slice(i, i + 50) })
      .catch((error: unknown) => partialData<{ recheck: GqlRecheck[] }>(error, goneRecheck));
    rechecked.push(...page.recheck);
  }

  // Default-branch history for the reporting horizon (metrics need every suite of a month), and at
  // least the newest CI_COMMITS; an incremental sync stops at the first stored commit.
  const horizon = Date.now() - getEnv().STEWARD_GITHUB_HISTORY_DAYS * 86_400_000;
  const old = (c: { committedDate: string }) => Date.parse(c.committedDate) < horizon;
  const history = (
    await readList(r.defaultBranchRef?.target?.history ?? EMPTY, (c) => nextHistory(ctx, c), {
      isKnown: (c, collected) => knownCommits.has(c.oid) || (old(c) && collected >= CI_COMMITS),
      max: options.ciCommits,
    })
  ).filter((c, i) => i < (options.ciCommits ?? CI_COMMITS) || !old(c));
  const historyContexts = await completeContexts(
    ctx,
    history.map((c) => c.statusCheckRollup),
  );
  const commitChecks = history.map((c, i) => ({
    oid: c.oid,
    contexts: historyContexts[i] ?? [],
    suites: c.checkSuites?.nodes ?? undefined,
  }));
  const releaseList = await readList(r.releases, (c) => nextReleases(ctx, c), {
    isKnown: (x) => knownReleases.get(x.id) === Date.parse(x.updatedAt),
  });
  const tagList = await readList(r.refs ?? EMPTY, (c) => nextTags(ctx, c), {
    isKnown: (t) => knownTags.has(`${t.name}@${t.target?.__typename === "Tag" ? t.target.target?.oid : t.target?.oid}`),
  });
  const alerts = alertsReadable ? await readList(r.vulnerabilityAlerts ?? EMPTY, (c) => nextAlerts(ctx, c)) : [];
  // The full label list and every milestone (small; read whole each time, usually in the overview request).
  const labelList = await readList(r.labels ?? EMPTY, (c) => nextLabels(ctx, c));
  const milestoneList = await readList(r.milestones ?? EMPTY, (c) => nextMilestones(ctx, c));
  const recheckContexts = await completeContexts(
    ctx,
    rechecked.map((node) => node?.statusCheckRollup ?? null),
  );
  const rechecks = rechecked.map((node, i) => ({ node, contexts: recheckContexts[i] ?? [] }));

  return {
    repository: r,
    history,
    commitChecks,
    rechecks,
    releaseList,
    tagList,
    alerts,
    labelList,
    milestoneList,
    warnings: alertsReadable
      ? []
      : [
          "Dependabot alerts are not readable with this token (needs the security_events or Dependabot alerts permission).",
        ],
  };
}

/** The overview's transaction: repository row, daily stats, default-branch CI, releases, tags, alerts, labels, milestones. */
export function writeRepoOverview(ctx: SyncContext, overview: RepoOverview): Promise<void> {
  const { repo } = ctx;
  const {
    repository: r,
    history,
    commitChecks,
    rechecks,
    releaseList,
    tagList,
    alerts,
    labelList,
    milestoneList,
  } = overview;
  const today = new Date(new Date().toISOString().slice(0, 10));
  return commitPage(ctx, "repository", { fetched: 0, changed: 0 }, async (tx) => {
    await tx.githubRepository.update({
      where: { id: repo.id },
      data: {
        nodeId: r.id,
        databaseId: r.databaseId === null ? null : BigInt(r.databaseId),
        defaultBranch: r.defaultBranchRef?.name ?? null,
        isArchived: r.isArchived,
        isPrivate: r.isPrivate,
      },
    });
    const counts = { stars: r.stargazerCount, forks: r.forkCount, watchers: r.watchers.totalCount };
    await tx.githubRepoStatsDaily.upsert({
      where: { repoId_day: { repoId: repo.id, day: today } },
      create: { repoId: repo.id, day: today, ...counts },
      update: counts,
    });
    await upsertRows(
      tx,
      COMMITS,
      history.map((c) => commitRow(repo.id, c)),
    );
    await writeCommitChecks(tx, repo.id, commitChecks);
    await writeRecheck(tx, repo.id, rechecks);
    await upsertRows(
      tx,
      RELEASES,
      releaseList.map((x) => releaseRow(repo.id, x)),
    );
    await upsertRows(tx, TAGS, tagList.map((t) => tagRow(repo.id, t)).filter(notNull));
    await upsertRows(
      tx,
      ALERTS,
      alerts.map((a) => alertRow(repo.id, a)),
    );
    await upsertRows(
      tx,
      LABELS,
      labelList.map((l) => ({
        id: l.id,
        repoId: repo.id,
        name: cleanText(l.name),
        color: l.color,
        description: cleanText(l.description),
      })),
    );
    await upsertRows(
      tx,
      MILESTONES,
      milestoneList.map((m) => ({
        id: m.id,
        repoId: repo.id,
        number: m.number,
        title: cleanText(m.title),
        description: cleanText(m.description),
        state: m.state,
        dueOn: m.dueOn,
        closedAt: m.closedAt,
        createdAt: m.createdAt,
        updatedAt: m.updatedAt,
      })),
    );
  });
}
