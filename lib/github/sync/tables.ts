// Column lists of the GitHub tables for set-based writes (bulk.ts). They mirror
// prisma/schema.prisma's GitHub section; tables.test.ts checks them against the database.
import type { TableSpec } from "./bulk";

const T = "text";
const TS = "timestamptz";
const ACTOR = `"GithubActorType"`;

export const ITEMS: TableSpec = {
  table: "GithubItem",
  key: ["id"],
  columns: {
    id: T,
    repoId: "uuid",
    kind: `"GithubItemKind"`,
    number: "int",
    databaseId: "bigint",
    title: T,
    body: T,
    url: T,
    state: T,
    stateReason: T,
    locked: "boolean",
    authorLogin: T,
    authorType: ACTOR,
    authorAssociation: T,
    milestone: T,
    createdAt: TS,
    updatedAt: TS,
    contentHash: T,
    closedAt: TS,
    commentCount: "int",
    isDraft: "boolean",
    merged: "boolean",
    mergedAt: TS,
    mergedByLogin: T,
    baseRef: T,
    headRef: T,
    headOid: T,
    additions: "int",
    deletions: "int",
    changedFiles: "int",
    reviewDecision: T,
    checkState: T,
    removedAt: TS,
    removedReason: `"GithubRemovalReason"`,
    transferredTo: T,
  },
};

export const COMMENTS: TableSpec = {
  table: "GithubComment",
  key: ["id"],
  columns: {
    id: T,
    itemId: T,
    repoId: "uuid",
    databaseId: "bigint",
    authorLogin: T,
    authorType: ACTOR,
    authorAssociation: T,
    body: T,
    url: T,
    createdAt: TS,
    updatedAt: TS,
  },
};

export const EVENTS: TableSpec = {
  table: "GithubItemEvent",
  key: ["id"],
  columns: {
    id: T,
    itemId: T,
    repoId: "uuid",
    kind: T,
    label: T,
    actorLogin: T,
    actorType: ACTOR,
    stateReason: T,
    createdAt: TS,
  },
};

export const REVIEWS: TableSpec = {
  table: "GithubReview",
  key: ["id"],
  columns: {
    id: T,
    itemId: T,
    repoId: "uuid",
    databaseId: "bigint",
    authorLogin: T,
    authorType: ACTOR,
    authorAssociation: T,
    state: T,
    body: T,
    url: T,
    submittedAt: TS,
    createdAt: TS,
    updatedAt: TS,
  },
};

export const LABELS: TableSpec = {
  table: "GithubLabel",
  key: ["id"],
  columns: { id: T, repoId: "uuid", name: T, color: T, description: T },
};

export const MILESTONES: TableSpec = {
  table: "GithubMilestone",
  key: ["id"],
  columns: {
    id: T,
    repoId: "uuid",
    number: "int",
    title: T,
    description: T,
    state: T,
    dueOn: "timestamptz",
    closedAt: "timestamptz",
    createdAt: "timestamptz",
    updatedAt: "timestamptz",
  },
};

export const ITEM_LABELS: TableSpec = {
  table: "GithubItemLabel",
  key: ["itemId", "labelId"],
  columns: { itemId: T, labelId: T },
};
export const ASSIGNEES: TableSpec = {
  table: "GithubItemAssignee",
  key: ["itemId", "login"],
  columns: { itemId: T, login: T },
};
export const REVIEW_REQUESTS: TableSpec = {
  table: "GithubReviewRequest",
  key: ["itemId", "reviewer"],
  columns: { itemId: T, reviewer: T, reviewerType: T },
};

export const COMMITS: TableSpec = {
  table: "GithubCommit",
  key: ["repoId", "oid"],
  columns: {
    repoId: "uuid",
    oid: T,
    nodeId: T,
    committedDate: TS,
    messageHeadline: T,
    authorLogin: T,
    url: T,
    checkState: T,
  },
};

export const CHECK_SUITES: TableSpec = {
  table: "GithubCheckSuite",
  key: ["id"],
  columns: {
    id: T,
    repoId: "uuid",
    commitOid: T,
    databaseId: "bigint",
    app: T,
    workflowName: T,
    status: T,
    conclusion: T,
    createdAt: TS,
    updatedAt: TS,
  },
};

export const CHECK_RUNS: TableSpec = {
  table: "GithubCheckRun",
  key: ["id"],
  columns: {
    id: T,
    repoId: "uuid",
    commitOid: T,
    suiteId: T,
    kind: T,
    databaseId: "bigint",
    name: T,
    status: T,
    conclusion: T,
    startedAt: TS,
    completedAt: TS,
    url: T,
  },
};

export const RELEASES: TableSpec = {
  table: "GithubRelease",
  key: ["id"],
  columns: {
    id: T,
    repoId: "uuid",
    databaseId: "bigint",
    tagName: T,
    name: T,
    isDraft: "boolean",
    isPrerelease: "boolean",
    isLatest: "boolean",
    authorLogin: T,
    tagCommitOid: T,
    url: T,
    body: T,
    createdAt: TS,
    publishedAt: TS,
    updatedAt: TS,
  },
};

export const TAGS: TableSpec = {
  table: "GithubTag",
  key: ["repoId", "name"],
  columns: {
    repoId: "uuid",
    name: T,
    commitOid: T,
    tagOid: T,
    annotated: "boolean",
    message: T,
    taggedAt: TS,
    commitDate: TS,
  },
};

export const ALERTS: TableSpec = {
  table: "GithubSecurityAlert",
  key: ["id"],
  columns: {
    id: T,
    repoId: "uuid",
    number: "int",
    state: T,
    severity: T,
    packageName: T,
    ecosystem: T,
    manifestPath: T,
    vulnerableRange: T,
    vulnerableRequirements: T,
    patchedVersion: T,
    ghsaId: T,
    cveId: T,
    summary: T,
    advisoryUrl: T,
    dependencyScope: T,
    dismissReason: T,
    createdAt: TS,
    fixedAt: TS,
    dismissedAt: TS,
    autoDismissedAt: TS,
  },
};
