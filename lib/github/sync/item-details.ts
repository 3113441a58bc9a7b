// Turns a page of items into complete bundles: decides which items changed since they were
// stored, then fetches — batched over the whole page — whatever part of their comments, events,
// reviews, labels and CI did not fit in the page's request.
import type { GqlCheckContext, GqlComment, GqlEvent, GqlItem, GqlLabel, GqlReview, GqlRollup } from "../queries/types";
import { backwards, type Completed, settle } from "./connections";
import type { SyncContext } from "./context";
import { FollowUp, runFollowUps } from "./follow-ups";
import { itemHash } from "./map-items";

export interface ItemBundle {
  item: GqlItem;
  /** Not stored before: nothing of it can need deleting. */
  isNew: boolean;
  comments: Completed<GqlComment>;
  events: Completed<GqlEvent>;
  reviews: Completed<GqlReview> | null;
  labels: GqlLabel[];
  /** All CI contexts of a PR's head commit (null for issues and PRs without CI). */
  contexts: GqlCheckContext[] | null;
}

/**
 * Items whose stored copy is older (GitHub bumps `updatedAt` for comments, labels, state…), new,
 * moved or marked removed — or as old but different: `updatedAt` has whole seconds, so an item
 * changed again in the second it was last read shows the same time with other content. Unchanged
 * ones are skipped, which also makes a second run a no-op.
 */
export async function changedItems(
  ctx: SyncContext,
  items: GqlItem[],
): Promise<{ items: GqlItem[]; newIds: Set<string> }> {
  if (items.length === 0) return { items, newIds: new Set() };
  const stored = await ctx.db.githubItem.findMany({
    where: { id: { in: items.map((i) => i.id) } },
    select: { id: true, repoId: true, number: true, updatedAt: true, contentHash: true, removedAt: true },
  });
  const byId = new Map(stored.map((s) => [s.id, s]));
  const changed = items.filter((item) => {
    const s = byId.get(item.id);
    return (
      !s ||
      s.updatedAt.getTime() !== Date.parse(item.updatedAt) ||
      s.contentHash !== itemHash(item) ||
      s.repoId !== ctx.repo.id ||
      s.number !== item.number ||
      s.removedAt !== null
    );
  });
  return { items: changed, newIds: new Set(changed.filter((i) => !byId.has(i.id)).map((i) => i.id)) };
}

async function storedIds(
  ctx: SyncContext,
  table: "githubComment" | "githubItemEvent" | "githubReview",
  itemIds: string[],
): Promise<Map<string, Set<string>>> {
  const map = new Map<string, Set<string>>();
  if (itemIds.length === 0) return map;
  const args = { where: { itemId: { in: itemIds } }, select: { id: true, itemId: true } };
  const rows =
    table === "githubComment"
      ? await ctx.db.githubComment.findMany(args)
      : table === "githubItemEvent"
        ? await ctx.db.githubItemEvent.findMany(args)
        : await ctx.db.githubReview.findMany(args);
  for (const row of rows) {
    let set = map.get(row.itemId);
    if (!set) map.set(row.itemId, (set = new Set()));
    set.add(row.id);
  }
  return map;
}

const forwards = <T>(
  kind: "labels" | "contexts",
  nodeId: string,
  page: { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } },
) =>
  new FollowUp<T>(kind, nodeId, {
    nodes: page.nodes,
    cursor: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
  });

/** Every CI context of each rollup (the first 50 come with the commit or PR). */
export async function completeContexts(ctx: SyncContext, rollups: (GqlRollup | null)[]): Promise<GqlCheckContext[][]> {
  const tasks = rollups.map((r) => (r ? forwards("contexts", r.id, r.contexts) : null));
  await runFollowUps(
    ctx.client,
    tasks.filter((t) => t !== null),
  );
  return tasks.map((t) => t?.nodes ?? []);
}

/** `newIds`: items known not to be stored (from changedItems); without it every item may have stored rows. */
export async function completeItems(
  ctx: SyncContext,
  items: GqlItem[],
  newIds: ReadonlySet<string> = new Set(),
): Promise<ItemBundle[]> {
  const partial = (pick: (i: GqlItem) => { pageInfo: { hasPreviousPage: boolean } } | undefined) =>
    items.filter((i) => pick(i)?.pageInfo.hasPreviousPage && !newIds.has(i.id)).map((i) => i.id);
  const [comments, events, reviews] = await Promise.all([
    storedIds(
      ctx,
      "githubComment",
      partial((i) => i.comments),
    ),
    storedIds(
      ctx,
      "githubItemEvent",
      partial((i) => i.timelineItems),
    ),
    storedIds(
      ctx,
      "githubReview",
      partial((i) => (i.__typename === "PullRequest" ? i.reviews : undefined)),
    ),
  ]);
  const plans = items.map((item) => {
    const pull = item.__typename === "PullRequest" ? item : null;
    return {
      item,
      comments: backwards("comments", item.id, item.comments, comments.get(item.id)),
      events: backwards("events", item.id, item.timelineItems, events.get(item.id)),
      reviews: pull ? backwards("reviews", item.id, pull.reviews, reviews.get(item.id)) : null,
      labels: forwards("labels", item.id, item.labels),
      contexts: pull?.statusCheckRollup
        ? forwards("contexts", pull.statusCheckRollup.id, pull.statusCheckRollup.contexts)
        : null,
    };
  });
  const tasks = plans
    .flatMap((p) => [p.comments, p.events, p.reviews, p.labels, p.contexts])
    .filter((t) => t instanceof FollowUp);
  await runFollowUps(ctx.client, tasks as FollowUp<unknown>[]);
  return plans.map((p) => ({
    item: p.item,
    isNew: newIds.has(p.item.id),
    comments: settle(p.comments),
    events: settle(p.events),
    reviews: p.reviews && settle(p.reviews),
    labels: p.labels.nodes,
    contexts: p.contexts?.nodes ?? null,
  }));
}
