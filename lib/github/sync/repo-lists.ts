// Repository lists that are paged newest-first: default-branch history, releases and tags. An
// incremental sync stops at the first page holding something already stored; a full listing
// (backstop) reads to the end so that deleted releases and tags can be removed.
import {
  ALERTS_PAGE,
  HISTORY_PAGE,
  LABELS_PAGE,
  MILESTONES_PAGE,
  RELEASES_PAGE,
  TAGS_PAGE,
} from "../queries/repository";
import type {
  GqlAlert,
  GqlCatalogLabel,
  GqlCommit,
  GqlMilestone,
  GqlRelease,
  GqlTagRef,
  SimplePage,
} from "../queries/types";
import type { SyncContext } from "./context";

export interface ListOptions<T> {
  /** Stop after a page containing a stored entry (incremental); undefined reads everything. `collected`: how many were read so far. */
  isKnown?: (node: T, collected: number) => boolean;
  /** Stop once this many were collected. */
  max?: number;
}

export async function readList<T>(
  first: SimplePage<T>,
  fetchAfter: (cursor: string) => Promise<SimplePage<T> | null>,
  options: ListOptions<T> = {},
): Promise<T[]> {
  const nodes = [...first.nodes];
  let page: SimplePage<T> | null = first;
  while (page?.pageInfo.hasNextPage && page.pageInfo.endCursor) {
    const isKnown = options.isKnown;
    if (isKnown && page.nodes.some((n) => isKnown(n, nodes.length))) break;
    if (options.max !== undefined && nodes.length >= options.max) break;
    page = await fetchAfter(page.pageInfo.endCursor);
    nodes.push(...(page?.nodes ?? []));
  }
  return options.max === undefined ? nodes : nodes.slice(0, options.max);
}

type RepoData<K extends string, V> = { repository: { [key in K]: V } | null };
const vars = (ctx: SyncContext, after: string | null, first = 100) => ({
  owner: ctx.repo.owner,
  name: ctx.repo.name,
  first,
  after,
});

export const nextHistory = async (ctx: SyncContext, after: string | null): Promise<SimplePage<GqlCommit> | null> => {
  const data = await ctx.client.query<
    RepoData<"defaultBranchRef", { target: { history?: SimplePage<GqlCommit> } | null } | null>
  >(HISTORY_PAGE, vars(ctx, after, 50));
  return data.repository?.defaultBranchRef?.target?.history ?? null;
};

export const nextReleases = async (ctx: SyncContext, after: string | null) =>
  (await ctx.client.query<RepoData<"releases", SimplePage<GqlRelease>>>(RELEASES_PAGE, vars(ctx, after))).repository
    ?.releases ?? null;

export const nextTags = async (ctx: SyncContext, after: string | null) =>
  (await ctx.client.query<RepoData<"refs", SimplePage<GqlTagRef> | null>>(TAGS_PAGE, vars(ctx, after))).repository
    ?.refs ?? null;

export const nextAlerts = async (ctx: SyncContext, after: string | null) =>
  (await ctx.client.query<RepoData<"vulnerabilityAlerts", SimplePage<GqlAlert> | null>>(ALERTS_PAGE, vars(ctx, after)))
    .repository?.vulnerabilityAlerts ?? null;

export const nextLabels = async (ctx: SyncContext, after: string | null) =>
  (await ctx.client.query<RepoData<"labels", SimplePage<GqlCatalogLabel> | null>>(LABELS_PAGE, vars(ctx, after)))
    .repository?.labels ?? null;

export const nextMilestones = async (ctx: SyncContext, after: string | null) =>
  (await ctx.client.query<RepoData<"milestones", SimplePage<GqlMilestone> | null>>(MILESTONES_PAGE, vars(ctx, after)))
    .repository?.milestones ?? null;
