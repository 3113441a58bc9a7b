// Response shapes of the documents in this folder (what GitHub returns for those selections).

export interface RateLimitInfo {
  cost: number;
  remaining: number;
  resetAt: string;
  limit: number;
}

export interface GqlActor {
  __typename: string;
  login: string;
}

export interface PageInfoForward {
  hasNextPage: boolean;
  endCursor: string | null;
}
export interface PageInfoBack {
  hasPreviousPage: boolean;
  startCursor: string | null;
}

export interface ForwardPage<T> {
  totalCount: number;
  pageInfo: PageInfoForward;
  nodes: T[];
}
export interface BackPage<T> {
  totalCount: number;
  pageInfo: PageInfoBack;
  nodes: T[];
}

export interface GqlLabel {
  id: string;
  name: string;
  color: string;
  description: string | null;
}

export interface GqlComment {
  id: string;
  databaseId: number | null;
  author: GqlActor | null;
  authorAssociation: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  url: string;
}

export interface GqlEvent {
  __typename: string;
  id: string;
  createdAt: string;
  actor: GqlActor | null;
  label?: { name: string };
  stateReason?: string | null;
}

export interface GqlReview {
  id: string;
  databaseId: number | null;
  author: GqlActor | null;
  authorAssociation: string;
  state: string;
  body: string;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  url: string;
}

export interface GqlCheckRun {
  __typename: "CheckRun";
  id: string;
  databaseId: number | null;
  name: string;
  status: string;
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  detailsUrl: string | null;
  checkSuite: GqlCheckSuite;
}
export interface GqlCheckSuite {
  id: string;
  databaseId: number | null;
  status: string;
  conclusion: string | null;
  createdAt: string;
  updatedAt: string;
  app: { slug: string; name: string } | null;
  workflowRun: { workflow: { name: string } } | null;
}
export interface GqlStatusContext {
  __typename: "StatusContext";
  id: string;
  context: string;
  state: string;
  createdAt: string;
  targetUrl: string | null;
}
export type GqlCheckContext = GqlCheckRun | GqlStatusContext;

export interface GqlRollup {
  id: string;
  state: string;
  contexts: ForwardPage<GqlCheckContext>;
}

interface GqlItemBase {
  id: string;
  databaseId: number | null;
  number: number;
  title: string;
  body: string;
  url: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  locked: boolean;
  author: GqlActor | null;
  authorAssociation: string;
  milestone: { number: number; title: string } | null;
  labels: ForwardPage<GqlLabel>;
  assignees: { totalCount: number; nodes: { login: string }[] };
  comments: BackPage<GqlComment>;
  timelineItems: BackPage<GqlEvent>;
  repository?: { nameWithOwner: string };
}

export interface GqlIssue extends GqlItemBase {
  __typename: "Issue";
  state: string;
  stateReason: string | null;
}

export interface GqlPull extends GqlItemBase {
  __typename: "PullRequest";
  pullState: string;
  isDraft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergedBy: GqlActor | null;
  baseRefName: string;
  headRefName: string;
  headRefOid: string;
  additions: number;
  deletions: number;
  changedFiles: number;
  reviewDecision: string | null;
  reviews: BackPage<GqlReview>;
  reviewRequests: {
    totalCount: number;
    nodes: { requestedReviewer: { __typename: string; login?: string; slug?: string } | null }[];
  };
  statusCheckRollup: GqlRollup | null;
}

export type GqlItem = GqlIssue | GqlPull;

export type * from "./types-repo";
