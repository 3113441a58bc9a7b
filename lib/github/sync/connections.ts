// Whether a newest-first window needs the older part fetched.
//
// Comments, timeline events and reviews are fetched newest-first (`last: N`). New ones are only
// ever appended, so when the oldest node of the window is already stored and the stored nodes
// before it number exactly `totalCount − window`, window + stored is the whole list and no request
// is needed. Otherwise the rest is paged backwards and the full list replaces the stored one.
import type { BackPage } from "../queries/types";
import { FollowUp } from "./follow-ups";
import type { FollowUpKind } from "../queries/follow-ups";

export interface Completed<T> {
  readonly nodes: T[];
  /** `nodes` is the complete list: stored rows not in it were deleted on GitHub. */
  readonly exact: boolean;
}

/** A complete result, or a FollowUp to run (its `nodes` are complete once it has run). */
export function backwards<T extends { id: string }>(
  kind: FollowUpKind,
  nodeId: string,
  window: BackPage<T>,
  stored: ReadonlySet<string> | undefined,
): Completed<T> | FollowUp<T> {
  if (!window.pageInfo.hasPreviousPage) return { nodes: window.nodes, exact: true };
  const inWindow = new Set(window.nodes.map((n) => n.id));
  const storedBefore = stored ? [...stored].filter((id) => !inWindow.has(id)).length : 0;
  const oldest = window.nodes[0];
  if (stored && oldest && stored.has(oldest.id) && storedBefore === window.totalCount - window.nodes.length) {
    return { nodes: window.nodes, exact: false };
  }
  return new FollowUp<T>(kind, nodeId, { nodes: window.nodes, cursor: window.pageInfo.startCursor });
}

export const settle = <T>(value: Completed<T> | FollowUp<T>): Completed<T> =>
  value instanceof FollowUp ? { nodes: value.nodes, exact: true } : value;
