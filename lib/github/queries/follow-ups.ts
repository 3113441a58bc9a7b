// The rest of nested connections that did not fit in their item's (or commit's) request, for
// several nodes at once: one aliased `node(id:)` per connection, so a page's follow-ups cost a
// round trip per 10 connections rather than one each. Comments, events and reviews page backwards
// (the item query holds the newest ones); labels and CI contexts forwards.
import { gql, RATE_LIMIT } from "./document";
import {
  CHECK_CONTEXT,
  COMMENT,
  EVENT_SPREADS,
  EVENTS,
  ISSUE_EVENT_TYPES,
  LABEL,
  PR_EVENT_SPREADS,
  PR_EVENT_TYPES,
  PR_EVENTS,
  REVIEW,
} from "./fragments";
import type { Fragment } from "./document";

export type FollowUpKind = "comments" | "events" | "reviews" | "labels" | "contexts";

const BACK = "totalCount pageInfo { hasPreviousPage startCursor }";
const FORWARD = "totalCount pageInfo { hasNextPage endCursor }";

const SELECTIONS: Record<FollowUpKind, { select: (cursor: string) => string; fragments: Fragment[] }> = {
  comments: {
    select: (c) =>
      ["Issue", "PullRequest"]
        .map((t) => `... on ${t} { comments(last: 100, before: ${c}) { ${BACK} nodes { ...CommentFields } } }`)
        .join(" "),
    fragments: [COMMENT],
  },
  events: {
    select: (
      c,
    ) => `... on Issue { timelineItems(last: 100, before: ${c}, itemTypes: ${ISSUE_EVENT_TYPES}) { ${BACK} nodes { ${EVENT_SPREADS} } } }
      ... on PullRequest { timelineItems(last: 100, before: ${c}, itemTypes: ${PR_EVENT_TYPES}) { ${BACK} nodes { ${PR_EVENT_SPREADS} } } }`,
    fragments: [EVENTS, PR_EVENTS],
  },
  reviews: {
    select: (c) => `... on PullRequest { reviews(last: 100, before: ${c}) { ${BACK} nodes { ...ReviewFields } } }`,
    fragments: [REVIEW],
  },
  labels: {
    select: (c) =>
      ["Issue", "PullRequest"]
        .map((t) => `... on ${t} { labels(first: 100, after: ${c}) { ${FORWARD} nodes { ...LabelFields } } }`)
        .join(" "),
    fragments: [LABEL],
  },
  contexts: {
    select: (c) =>
      `... on StatusCheckRollup { contexts(first: 100, after: ${c}) { ${FORWARD} nodes { __typename ...CheckRunFields ...StatusContextFields } } }`,
    fragments: [CHECK_CONTEXT],
  },
};

/** Connections each kind's selection asks for per node (one per type it is selected on), for its cost. */
export const CONNECTIONS: Record<FollowUpKind, number> = {
  comments: 2,
  events: 2,
  reviews: 1,
  labels: 2,
  contexts: 1,
};

/** The connection's field name in the response (events come back as `timelineItems`). */
export const RESPONSE_FIELD: Record<FollowUpKind, string> = {
  comments: "comments",
  events: "timelineItems",
  reviews: "reviews",
  labels: "labels",
  contexts: "contexts",
};

const cache = new Map<string, string>();

/** `query FollowUps($id0: ID!, $c0: String!, …) { n0: node(id: $id0) { … } … }` for these kinds, in order. */
export function followUpQuery(kinds: FollowUpKind[]): string {
  const key = kinds.join(",");
  let document = cache.get(key);
  if (!document) {
    const variables = kinds.map((_, i) => `$id${i}: ID!, $c${i}: String!`).join(", ");
    const fields = kinds
      .map((kind, i) => `n${i}: node(id: $id${i}) { ${SELECTIONS[kind].select(`$c${i}`)} }`)
      .join("\n    ");
    document = gql(`query FollowUps(${variables}) {\n    ${fields}\n    ${RATE_LIMIT}\n  }`, [
      ...new Set(kinds.flatMap((k) => SELECTIONS[k].fragments)),
    ]);
    cache.set(key, document);
  }
  return document;
}
