// Issue and pull-request pages with the first (or last) page of every nested connection, so most
// items are complete in one request; follow-ups.ts fetches the rest of longer connections.
import { fragment, gql, RATE_LIMIT } from "./document";
import {
  ACTOR,
  COMMENT,
  EVENT_SPREADS,
  EVENTS,
  ISSUE_EVENT_TYPES,
  LABEL,
  PR_EVENT_SPREADS,
  PR_EVENT_TYPES,
  PR_EVENTS,
  REVIEW,
  ROLLUP,
} from "./fragments";

/**
 * The newest 100 comments and events: new activity is appended, so on an incremental sync the
 * window overlaps what is stored and the older part needs no request (see sync/connections.ts).
 */
const COMMON = `
  id databaseId number title body url createdAt updatedAt closedAt locked
  author { ...ActorFields } authorAssociation
  milestone { number title }
  labels(first: 30) { totalCount pageInfo { hasNextPage endCursor } nodes { ...LabelFields } }
  assignees(first: 20) { totalCount nodes { login } }
  comments(last: 100) { totalCount pageInfo { hasPreviousPage startCursor } nodes { ...CommentFields } }`;

export const ISSUE = fragment(
  `fragment IssueFields on Issue {
    __typename ${COMMON} state stateReason
    timelineItems(last: 100, itemTypes: ${ISSUE_EVENT_TYPES}) {
      totalCount pageInfo { hasPreviousPage startCursor } nodes { ${EVENT_SPREADS} }
    }
  }`,
  [ACTOR, LABEL, COMMENT, EVENTS],
);

/** `pullState`: PullRequestState and IssueState may not share a response key in `nodes(ids:)`. */
export const PULL = fragment(
  `fragment PullFields on PullRequest {
    __typename ${COMMON} pullState: state isDraft merged mergedAt mergedBy { ...ActorFields }
    baseRefName headRefName headRefOid additions deletions changedFiles reviewDecision
    timelineItems(last: 100, itemTypes: ${PR_EVENT_TYPES}) {
      totalCount pageInfo { hasPreviousPage startCursor } nodes { ${PR_EVENT_SPREADS} }
    }
    reviews(last: 50) { totalCount pageInfo { hasPreviousPage startCursor } nodes { ...ReviewFields } }
    reviewRequests(first: 100) {
      totalCount
      nodes { requestedReviewer { __typename ... on User { login } ... on Bot { login } ... on Mannequin { login } ... on Team { slug } } }
    }
    statusCheckRollup { ...RollupFields }
  }`,
  [ACTOR, LABEL, COMMENT, EVENTS, PR_EVENTS, REVIEW, ROLLUP],
);

const PAGE = "totalCount pageInfo { hasNextPage endCursor }";

/** Issues updated at or after `since`, oldest change first: an item changed mid-walk moves behind the cursor and is seen again. */
export const ISSUES_PAGE = gql(
  `query IssuesPage($owner: String!, $name: String!, $first: Int!, $after: String, $since: DateTime) {
    repository(owner: $owner, name: $name) {
      issues(first: $first, after: $after, filterBy: { since: $since }, orderBy: { field: UPDATED_AT, direction: ASC }) {
        ${PAGE} nodes { ...IssueFields }
      }
    }
    ${RATE_LIMIT}
  }`,
  [ISSUE],
);

/** `pullRequests` has no `since` filter: newest change first, and the walk stops at the watermark. */
export const PULLS_PAGE = gql(
  `query PullsPage($owner: String!, $name: String!, $first: Int!, $after: String) {
    repository(owner: $owner, name: $name) {
      pullRequests(first: $first, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
        ${PAGE} nodes { ...PullFields }
      }
    }
    ${RATE_LIMIT}
  }`,
  [PULL],
);

/** Targeted re-fetch (webhooks, backstop): whole items by node id, whichever repository they are in now. */
export const ITEMS_BY_ID = gql(
  `query ItemsById($ids: [ID!]!) {
    nodes(ids: $ids) { __typename ...IssueFields ...PullFields ... on Issue { repository { nameWithOwner } } ... on PullRequest { repository { nameWithOwner } } }
    ${RATE_LIMIT}
  }`,
  [ISSUE, PULL],
);

/** Backstop: every open item's id and update time, 100 per point. */
const openItems = (connection: "issues" | "pullRequests", name: string) =>
  gql(`query ${name}($owner: String!, $name: String!, $first: Int!, $after: String) {
    repository(owner: $owner, name: $name) {
      ${connection}(first: $first, after: $after, states: [OPEN]) { ${PAGE} nodes { id number updatedAt } }
    }
    ${RATE_LIMIT}
  }`);
export const OPEN_ISSUES = openItems("issues", "OpenIssues");
export const OPEN_PULLS = openItems("pullRequests", "OpenPulls");
