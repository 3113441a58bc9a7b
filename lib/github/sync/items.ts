// The two item walks. Issues: `filterBy.since` the watermark, oldest change first, watermark
// advanced with every page. Pull requests (no `since` filter): newest change first down to the
// watermark; an unfinished walk resumes from its stored cursor.
import { GithubQueryError } from "../client-errors";
import { PageSize } from "../pacing";
import { ISSUES_PAGE, PULLS_PAGE } from "../queries/items";
import type { ForwardPage, GqlIssue, GqlItem, GqlPull } from "../queries/types";
import { commitPage, type SyncContext } from "./context";
import { changedItems, completeItems, type ItemBundle } from "./item-details";
import { type CursorState, readCursor, writeCursor } from "./state";
import { walkPages } from "./walk";
import { writeItems } from "./write-items";

export interface ItemPageSizes {
  issues: number;
  pulls: number;
}
/**
 * 100 issues (1 + 100 × 4 nested connections = 401 → 4 points) and 49 PRs (1 + 49 × 7 = 344 → 3
 * points; 50 would round to 4): the most items per point GitHub's rounding allows near 100 a page.
 */
export const DEFAULT_PAGE_SIZES: ItemPageSizes = { issues: 100, pulls: 49 };

/** A page as GitHub answered it, with the cursor row to commit with it. */
interface Fetched<T extends GqlItem> {
  nodes: T[];
  state: CursorState;
  next: string | null;
}

/** A page ready to write. */
interface Page {
  fetched: number;
  bundles: ItemBundle[];
  /** The cursor row to commit with this page. */
  state: CursorState;
}

const later = (a: Date | null, iso: string) => (!a || Date.parse(iso) > a.getTime() ? new Date(iso) : a);

/**
 * Changed items of a page with their follow-ups. A page may complete before the pages ahead of it
 * are written: an item met earlier in this walk is never taken for new (it may be stored by then,
 * and a new item's stored children are not replaced).
 */
function completePage() {
  const met = new Set<string>();
  return async <T extends GqlItem>(c: SyncContext, page: Fetched<T>): Promise<Page> => {
    const changed = await changedItems(c, page.nodes);
    for (const id of [...changed.newIds]) if (met.has(id)) changed.newIds.delete(id);
    for (const node of page.nodes) met.add(node.id);
    const bundles = await completeItems(c, changed.items, changed.newIds);
    return { fetched: page.nodes.length, bundles, state: page.state };
  };
}

/**
 * Consecutive pages in one transaction, with the last page's cursor. An item met on two of them
 * (changed mid-walk) is written once, as the later page has it.
 */
function commitItems(ctx: SyncContext, resource: "issues" | "pulls") {
  return (pages: Page[]) => {
    const latest = new Map(pages.flatMap((p) => p.bundles).map((b) => [b.item.id, b]));
    const counts = pages.map((p) => ({ fetched: p.fetched, changed: p.bundles.length }));
    return commitPage(ctx, resource, counts, async (tx) => {
      await writeItems(tx, ctx.repo.id, [...latest.values()]);
      await writeCursor(tx, ctx.repo.id, resource, pages.at(-1)!.state);
    });
  };
}

/** `stored`: the walk's cursor row, when the caller read it ahead (default: read now). */
export async function syncIssues(
  ctx: SyncContext,
  pageSize = DEFAULT_PAGE_SIZES.issues,
  stored?: Promise<CursorState>,
): Promise<void> {
  const { owner, name } = ctx.repo;
  const start = await (stored ?? readCursor(ctx.db, ctx.repo.id, "issues"));
  const since = start.watermark?.toISOString() ?? null;
  const page = new PageSize(pageSize);
  let watermark = start.watermark;
  await walkPages<Fetched<GqlIssue>, Page>(ctx, {
    fetch: async (c, previous) => {
      if (previous && !previous.next) return null;
      const after = previous?.next ?? null;
      const data: { repository: { issues: ForwardPage<GqlIssue> } } = await c.client.query(
        ISSUES_PAGE,
        { owner, name, after, since },
        { page },
      );
      const conn = data.repository.issues;
      if (after === null) c.progress.expect("issues", conn.totalCount);
      for (const node of conn.nodes) watermark = later(watermark, node.updatedAt);
      const next = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
      return { nodes: conn.nodes, state: { watermark, cursor: null, walkTop: null }, next };
    },
    complete: completePage(),
    commit: commitItems(ctx, "issues"),
  });
}

export async function syncPulls(
  ctx: SyncContext,
  pageSize = DEFAULT_PAGE_SIZES.pulls,
  stored?: Promise<CursorState>,
): Promise<void> {
  const { owner, name } = ctx.repo;
  const start = await (stored ?? readCursor(ctx.db, ctx.repo.id, "pulls"));
  const floor = start.watermark;
  const page = new PageSize(pageSize);
  let top = start.cursor ? start.walkTop : null;
  const query = async (c: SyncContext, after: string | null): Promise<ForwardPage<GqlPull>> => {
    try {
      return (
        await c.client.query<{ repository: { pullRequests: ForwardPage<GqlPull> } }>(
          PULLS_PAGE,
          { owner, name, after },
          { page },
        )
      ).repository.pullRequests;
    } catch (error) {
      // A stored cursor GitHub no longer accepts: walk again from the newest PR.
      if (
        !after ||
        !(error instanceof GithubQueryError) ||
        !error.errors.some((e) => e.type === "INVALID_CURSOR_ARGUMENTS")
      )
        throw error;
      top = null;
      return query(c, null);
    }
  };
  await walkPages<Fetched<GqlPull>, Page>(ctx, {
    fetch: async (c, previous) => {
      if (previous && !previous.next) return null;
      const after = previous ? previous.next : start.cursor;
      const conn = await query(c, after);
      if (after === null && floor === null) c.progress.expect("pulls", conn.totalCount);
      const fresh = floor ? conn.nodes.filter((n) => Date.parse(n.updatedAt) >= floor.getTime()) : conn.nodes;
      for (const node of conn.nodes) top = later(top, node.updatedAt);
      const done = fresh.length < conn.nodes.length || !conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor;
      const state = done
        ? { watermark: floor && top ? later(floor, top.toISOString()) : (top ?? floor), cursor: null, walkTop: null }
        : { watermark: floor, cursor: conn.pageInfo.endCursor, walkTop: top };
      return { nodes: fresh, state, next: done ? null : conn.pageInfo.endCursor };
    },
    complete: completePage(),
    commit: commitItems(ctx, "pulls"),
  });
}
