import type { AlertData, CommitData, RefData, ReleaseData } from "./types-repo";

export type * from "./types-repo";

/**
 * Generated data is plain objects shaped like GitHub's GraphQL types (field names and
 * `__typename` as in the schema), so graphql-js default resolution reads them directly.
 * Fields not in the schema (`items`, `events`, `commentCount`, `tombstones`...) are ground truth only.
 */

export type Iso = string;

export interface UserData {
  __typename: "User";
  id: string;
  databaseId: number;
  login: string;
  name: string | null;
  url: string;
  avatarUrl: string;
  createdAt: Iso;
  updatedAt: Iso;
}

/** GraphQL returns bot logins without the `[bot]` suffix (`dependabot`, not `dependabot[bot]`). */
export interface BotData extends Omit<UserData, "__typename" | "name"> {
  __typename: "Bot";
}

export type ActorData = UserData | BotData;

export interface LabelData {
  __typename: "Label";
  id: string;
  name: string;
  color: string;
  description: string | null;
  isDefault: boolean;
  url: string;
  createdAt: Iso;
  updatedAt: Iso;
}

export interface MilestoneData {
  __typename: "Milestone";
  id: string;
  number: number;
  title: string;
  description: string | null;
  state: "OPEN" | "CLOSED";
  closed: boolean;
  dueOn: Iso | null;
  closedAt: Iso | null;
  createdAt: Iso;
  updatedAt: Iso;
  url: string;
}

export interface CommentData {
  __typename: "IssueComment";
  id: string;
  databaseId: number;
  author: ActorData | null;
  authorAssociation: string;
  body: string;
  bodyText: string;
  createdAt: Iso;
  updatedAt: Iso;
  url: string;
}

interface EventBase {
  id: string;
  actor: ActorData | null;
  createdAt: Iso;
}
export interface LabelEventData extends EventBase {
  __typename: "LabeledEvent" | "UnlabeledEvent";
  label: LabelData;
}
export interface ClosedEventData extends EventBase {
  __typename: "ClosedEvent";
  stateReason: "COMPLETED" | "NOT_PLANNED" | null;
  url: string;
}
export interface ReopenedEventData extends EventBase {
  __typename: "ReopenedEvent";
  stateReason: "REOPENED";
}
export interface AssignedEventData extends EventBase {
  __typename: "AssignedEvent";
  assignee: ActorData;
  user: UserData | null;
}
export interface ReadyForReviewEventData extends EventBase {
  __typename: "ReadyForReviewEvent";
  url: string;
}
export interface MergedEventData extends EventBase {
  __typename: "MergedEvent";
  mergeRefName: string;
  url: string;
}
export interface ReviewRequestedEventData extends EventBase {
  __typename: "ReviewRequestedEvent";
  requestedReviewer: ActorData;
}
export interface TransferredEventData extends EventBase {
  __typename: "TransferredEvent";
  fromRepository: { __typename: "Repository"; nameWithOwner: string } | null;
}
export type EventData =
  | LabelEventData
  | ClosedEventData
  | ReopenedEventData
  | AssignedEventData
  | ReadyForReviewEventData
  | MergedEventData
  | ReviewRequestedEventData
  | TransferredEventData;

export interface ReviewData {
  __typename: "PullRequestReview";
  id: string;
  databaseId: number;
  author: ActorData | null;
  authorAssociation: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED";
  body: string;
  bodyText: string;
  createdAt: Iso;
  submittedAt: Iso;
  updatedAt: Iso;
  url: string;
}

export interface ReviewRequestData {
  __typename: "ReviewRequest";
  id: string;
  databaseId: number;
  asCodeOwner: boolean;
  requestedReviewer: ActorData;
}

export interface PullRequestCommitData {
  __typename: "PullRequestCommit";
  id: string;
  commit: CommitData;
  url: string;
}

interface ItemBase {
  id: string;
  databaseId: number;
  number: number;
  title: string;
  body: string;
  bodyText: string;
  author: ActorData | null;
  authorAssociation: string;
  createdAt: Iso;
  updatedAt: Iso;
  closedAt: Iso | null;
  closed: boolean;
  locked: boolean;
  url: string;
  resourcePath: string;
  labels: LabelData[];
  assignees: UserData[];
  milestone: MilestoneData | null;
  /** Generated on first access (deterministic per item), so large repos build fast. */
  comments: CommentData[];
  /** Ground truth: number of comments (kept in step with `comments`). */
  commentCount: number;
  /** Timeline events other than comments and reviews, oldest first. */
  events: EventData[];
}

export interface IssueData extends ItemBase {
  __typename: "Issue";
  state: "OPEN" | "CLOSED";
  stateReason: "COMPLETED" | "NOT_PLANNED" | "REOPENED" | null;
}

export interface PullRequestData extends ItemBase {
  __typename: "PullRequest";
  state: "OPEN" | "CLOSED" | "MERGED";
  isDraft: boolean;
  /** Ground truth: when the PR left draft (null if it was never a draft). */
  readyForReviewAt: Iso | null;
  merged: boolean;
  mergedAt: Iso | null;
  mergedBy: ActorData | null;
  baseRefName: string;
  headRefName: string;
  headRefOid: string;
  baseRefOid: string;
  additions: number;
  deletions: number;
  changedFiles: number;
  reviewDecision: "APPROVED" | "CHANGES_REQUESTED" | "REVIEW_REQUIRED" | null;
  mergeable: "MERGEABLE" | "CONFLICTING" | "UNKNOWN";
  mergeStateStatus: "CLEAN" | "BLOCKED" | "DIRTY" | "DRAFT" | "UNKNOWN";
  reviews: ReviewData[];
  reviewRequests: ReviewRequestData[];
  /** Generated on first access; the last one is the head commit with check suites. */
  commits: PullRequestCommitData[];
}

export type ItemData = IssueData | PullRequestData;

export interface Tombstone {
  number: number;
  kind: ItemData["__typename"];
  id: string;
  reason: "deleted" | "transferred";
  at: Iso;
  /** For transfers: where it went, and its new number. */
  to?: { nameWithOwner: string; number: number };
}

export interface GeneratedRepo {
  __typename: "Repository";
  id: string;
  databaseId: number;
  name: string;
  nameWithOwner: string;
  owner: { __typename: "Organization"; id: string; login: string; url: string; avatarUrl: string };
  description: string;
  url: string;
  createdAt: Iso;
  updatedAt: Iso;
  pushedAt: Iso;
  isPrivate: boolean;
  isArchived: boolean;
  isFork: boolean;
  stargazerCount: number;
  forkCount: number;
  /** Ground truth for `watchers { totalCount }`. */
  watcherCount: number;
  labels: LabelData[];
  milestones: MilestoneData[];
  /** Issues and pull requests, one number sequence, sorted by number. */
  items: ItemData[];
  defaultBranchRef: RefData;
  /** Default-branch commits, oldest first (history() serves them newest first). */
  history: CommitData[];
  releases: ReleaseData[];
  refs: RefData[];
  vulnerabilityAlerts: AlertData[];
  /** People and bots who act in this repo. */
  actors: ActorData[];
  /** Removed by deleteItem / transferItem. */
  tombstones: Tombstone[];
  /** Default-branch files by path, served by `object(expression: "HEAD:path")`. */
  files: Record<string, string>;
  meta: RepoMeta;
}

export interface RepoMeta {
  seed: number;
  now: Iso;
  nextNumber: number;
  nextCommentDatabaseId: number;
  /** Bumped by every mutation helper so servers can drop caches. */
  version: number;
}
