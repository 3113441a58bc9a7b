import { compareValues, type Connection, type CursorKey, type PageArgs, paginate } from "../connection";
import type { GeneratedRepo, ItemData } from "../types";

/** Repository.issues / pullRequests (and Label/Milestone.issues): GitHub's filters, order and keyset cursors. */

export interface ItemListArgs extends PageArgs {
  states?: string[] | null;
  labels?: string[] | null;
  orderBy?: { field: "CREATED_AT" | "UPDATED_AT" | "COMMENTS"; direction: "ASC" | "DESC" } | null;
  filterBy?: {
    since?: string | null;
    states?: string[] | null;
    labels?: string[] | null;
    assignee?: string | null;
    createdBy?: string | null;
    mentioned?: string | null;
    milestone?: string | null;
    milestoneNumber?: string | null;
  } | null;
  headRefName?: string | null;
  baseRefName?: string | null;
}

type Field = NonNullable<ItemListArgs["orderBy"]>["field"];
type Direction = NonNullable<ItemListArgs["orderBy"]>["direction"];

const sortValue = (item: ItemData, field: Field): string | number =>
  field === "UPDATED_AT" ? item.updatedAt : field === "COMMENTS" ? item.commentCount : item.createdAt;

function comparator(direction: Direction) {
  const sign = direction === "DESC" ? -1 : 1;
  return (a: CursorKey, b: CursorKey) => sign * (compareValues(a[0], b[0]) || compareValues(a[1], b[1]));
}

/** Sorted lists are cached per repository version: a sync pages through the same order many times. */
const sortedCache = new WeakMap<GeneratedRepo, { version: number; lists: Map<string, ItemData[]> }>();

function sortedItems(
  repo: GeneratedRepo,
  kind: ItemData["__typename"],
  field: Field,
  direction: Direction,
): ItemData[] {
  let entry = sortedCache.get(repo);
  if (!entry || entry.version !== repo.meta.version) {
    entry = { version: repo.meta.version, lists: new Map() };
    sortedCache.set(repo, entry);
  }
  const key = `${kind}:${field}:${direction}`;
  let list = entry.lists.get(key);
  if (!list) {
    const cmp = comparator(direction);
    list = repo.items
      .filter((item) => item.__typename === kind)
      .sort((a, b) => cmp([sortValue(a, field), a.databaseId], [sortValue(b, field), b.databaseId]));
    entry.lists.set(key, list);
  }
  return list;
}

function matches(item: ItemData, args: ItemListArgs, sinceMs: number | null): boolean {
  const f = args.filterBy;
  if (args.states?.length && !args.states.includes(item.state)) return false;
  if (f?.states?.length && !f.states.includes(item.state)) return false;
  for (const labels of [args.labels, f?.labels]) {
    if (labels?.length && !item.labels.some((l) => labels.includes(l.name))) return false;
  }
  if (sinceMs !== null && Date.parse(item.updatedAt) < sinceMs) return false;
  if (f?.createdBy && item.author?.login !== f.createdBy) return false;
  if (f?.assignee) {
    if (
      f.assignee === "*"
        ? item.assignees.length === 0
        : f.assignee === "none"
          ? item.assignees.length > 0
          : !item.assignees.some((a) => a.login === f.assignee)
    )
      return false;
  }
  if (f?.milestoneNumber) {
    const n = item.milestone?.number;
    if (
      f.milestoneNumber === "*"
        ? n === undefined
        : f.milestoneNumber === "none"
          ? n !== undefined
          : String(n) !== f.milestoneNumber
    )
      return false;
  }
  if (f?.milestone && item.milestone?.title !== f.milestone) return false;
  if (item.__typename === "PullRequest") {
    if (args.headRefName && item.headRefName !== args.headRefName) return false;
    if (args.baseRefName && item.baseRefName !== args.baseRefName) return false;
  }
  return true;
}

export function listItems(
  repo: GeneratedRepo,
  kind: ItemData["__typename"],
  args: ItemListArgs,
  scope?: (item: ItemData) => boolean,
): Connection<ItemData> {
  const field = args.orderBy?.field ?? "CREATED_AT";
  const direction = args.orderBy?.direction ?? "ASC";
  const since = args.filterBy?.since ? Date.parse(args.filterBy.since) : null;
  const list = sortedItems(repo, kind, field, direction).filter(
    (item) => (!scope || scope(item)) && matches(item, args, since),
  );
  return paginate(list, args, {
    keyOf: (item) => [sortValue(item, field), item.databaseId],
    compare: comparator(direction),
  });
}
