import { GraphQLError } from "graphql";

/** Relay connections the way GitHub serves them: opaque keyset cursors, first/last ≤ 100. */

export const MAX_PAGE_SIZE = 100;

/** An error GitHub reports with a top-level `type` (NOT_FOUND, EXCESSIVE_PAGINATION, …). */
export class GitHubError extends GraphQLError {
  readonly type: string | undefined;
  constructor(message: string, type?: string) {
    super(message);
    this.type = type;
  }
}

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** Page arguments out of graphql-js's untyped args (already coerced, so only the shape needs checking). */
export function toPageArgs(args: Record<string, unknown>): PageArgs {
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  return { first: num(args.first), last: num(args.last), after: str(args.after), before: str(args.before) };
}

export type CursorKey = readonly (string | number)[];

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

export interface PageOptions<T> {
  /** Sort key of an item; the list must already be in `compare` order. Default: its index. */
  keyOf?: (item: T, index: number) => CursorKey;
  compare?: (a: CursorKey, b: CursorKey) => number;
}

/** The problem GitHub reports for these page arguments, or null. */
export function pageArgsProblem(args: PageArgs, connection: string, selectsNodes: boolean): GitHubError | null {
  for (const bound of ["first", "last"] as const) {
    const value = args[bound];
    if (typeof value !== "number") continue;
    if (value < 0) return new GitHubError(`\`${bound}\` on the \`${connection}\` connection cannot be less than zero.`);
    if (value > MAX_PAGE_SIZE) {
      return new GitHubError(
        `Requesting ${value} records on the \`${connection}\` connection exceeds the \`${bound}\` limit of ${MAX_PAGE_SIZE} records.`,
        "EXCESSIVE_PAGINATION",
      );
    }
  }
  if (typeof args.first === "number" && typeof args.last === "number") {
    return new GitHubError(
      `Passing both \`first\` and \`last\` to paginate the \`${connection}\` connection is not supported.`,
    );
  }
  if (selectsNodes && typeof args.first !== "number" && typeof args.last !== "number") {
    return new GitHubError(
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${connection}\` connection.`,
      "MISSING_PAGINATION_BOUNDARIES",
    );
  }
  return null;
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(`cursor:v2:${JSON.stringify(key)}`).toString("base64");
}

export function decodeCursor(cursor: string, argument: "after" | "before"): CursorKey {
  const text = Buffer.from(cursor, "base64").toString("utf8");
  if (text.startsWith("cursor:v2:")) {
    try {
      const key: unknown = JSON.parse(text.slice(10));
      if (Array.isArray(key) && key.every((k) => typeof k === "string" || typeof k === "number")) return key;
    } catch {
      // fall through to GitHub's error
    }
  }
  throw new GitHubError(`\`${argument}\` does not appear to be a valid cursor.`, "INVALID_CURSOR_ARGUMENTS");
}

export function compareValues(a: string | number | undefined, b: string | number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

export function compareKeys(a: CursorKey, b: CursorKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

/** First index whose key sorts after (`strict`) or at/after `key`. Binary search: the list is sorted. */
function boundary<T>(
  items: readonly T[],
  key: CursorKey,
  keyOf: (item: T, i: number) => CursorKey,
  compare: (a: CursorKey, b: CursorKey) => number,
  strict: boolean,
): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compare(keyOf(items[mid] as T, mid), key);
    if (c < 0 || (strict && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function paginate<T>(items: readonly T[], args: PageArgs, options: PageOptions<T> = {}): Connection<T> {
  const keyOf = options.keyOf ?? ((_: T, i: number): CursorKey => [i]);
  const compare = options.compare ?? compareKeys;
  let start = args.after ? boundary(items, decodeCursor(args.after, "after"), keyOf, compare, true) : 0;
  let end = args.before ? boundary(items, decodeCursor(args.before, "before"), keyOf, compare, false) : items.length;
  end = Math.max(start, end);
  if (typeof args.first === "number") end = Math.min(end, start + args.first);
  else if (typeof args.last === "number") start = Math.max(start, end - args.last);
  const edges = items.slice(start, end).map((node, i) => ({ cursor: encodeCursor(keyOf(node, start + i)), node }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: items.length,
  };
}

export const emptyConnection = <T>(): Connection<T> => paginate<T>([], {});
