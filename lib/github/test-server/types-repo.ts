/** Repository-level objects: git, checks, releases, Dependabot alerts — GraphQL-shaped like the rest (see types.ts). */
import type { ActorData, Iso, UserData } from "./types";

export interface AppData {
  __typename: "App";
  id: string;
  databaseId: number;
  name: string;
  slug: string;
}

export interface CheckRunData {
  __typename: "CheckRun";
  id: string;
  databaseId: number;
  name: string;
  status: "QUEUED" | "IN_PROGRESS" | "COMPLETED";
  conclusion: "SUCCESS" | "FAILURE" | "CANCELLED" | "SKIPPED" | "TIMED_OUT" | "NEUTRAL" | null;
  startedAt: Iso | null;
  completedAt: Iso | null;
  detailsUrl: string;
  url: string;
  permalink: string;
}

export interface WorkflowRunData {
  __typename: "WorkflowRun";
  id: string;
  databaseId: number;
  runNumber: number;
  event: string;
  createdAt: Iso;
  updatedAt: Iso;
  url: string;
  workflow: { __typename: "Workflow"; id: string; databaseId: number; name: string; state: "ACTIVE"; url: string };
}

export interface CheckSuiteData {
  __typename: "CheckSuite";
  id: string;
  databaseId: number;
  app: AppData | null;
  /** Null for non-Actions apps, as on GitHub. */
  workflowRun: WorkflowRunData | null;
  status: CheckRunData["status"];
  /** Suites add conclusions runs never have: a workflow that failed to start has STARTUP_FAILURE and no runs. */
  conclusion: CheckRunData["conclusion"] | "STARTUP_FAILURE" | "ACTION_REQUIRED" | "STALE";
  createdAt: Iso;
  updatedAt: Iso;
  url: string;
  checkRuns: CheckRunData[];
}

export interface GitActorData {
  __typename: "GitActor";
  name: string;
  email: string;
  date: Iso;
  user: UserData | null;
}

export interface CommitData {
  __typename: "Commit";
  id: string;
  oid: string;
  abbreviatedOid: string;
  message: string;
  messageHeadline: string;
  committedDate: Iso;
  authoredDate: Iso;
  author: GitActorData;
  committer: GitActorData;
  additions: number;
  deletions: number;
  changedFiles: number;
  url: string;
  checkSuites: CheckSuiteData[];
  statusCheckRollup: { __typename: "StatusCheckRollup"; id: string; state: RollupState } | null;
}
export type RollupState = "SUCCESS" | "FAILURE" | "PENDING" | "ERROR" | "EXPECTED";

export interface TagData {
  __typename: "Tag";
  id: string;
  oid: string;
  abbreviatedOid: string;
  name: string;
  message: string;
  tagger: GitActorData;
  target: CommitData;
}

export interface RefData {
  __typename: "Ref";
  id: string;
  name: string;
  prefix: "refs/heads/" | "refs/tags/";
  /** Lightweight tags and branches point at a Commit; annotated tags at a Tag that wraps it. */
  target: CommitData | TagData;
}

export interface ReleaseData {
  __typename: "Release";
  id: string;
  databaseId: number;
  name: string | null;
  tagName: string;
  description: string;
  isDraft: boolean;
  isPrerelease: boolean;
  isLatest: boolean;
  /** `Release.author` is a User: bot-published releases have `author: null`. */
  author: UserData | null;
  /** Ground truth: who really published it (a Bot for automated releases). */
  publishedBy: ActorData;
  createdAt: Iso;
  publishedAt: Iso | null;
  updatedAt: Iso;
  url: string;
  tag: RefData | null;
  tagCommit: CommitData;
}

export interface AdvisoryData {
  __typename: "SecurityAdvisory";
  id: string;
  databaseId: number;
  ghsaId: string;
  summary: string;
  description: string;
  severity: Severity;
  identifiers: { __typename: "SecurityAdvisoryIdentifier"; type: "GHSA" | "CVE"; value: string }[];
  publishedAt: Iso;
  updatedAt: Iso;
  permalink: string;
  origin: string;
}
export type Severity = "LOW" | "MODERATE" | "HIGH" | "CRITICAL";

export interface AlertData {
  __typename: "RepositoryVulnerabilityAlert";
  id: string;
  number: number;
  state: "OPEN" | "FIXED" | "DISMISSED" | "AUTO_DISMISSED";
  createdAt: Iso;
  fixedAt: Iso | null;
  dismissedAt: Iso | null;
  autoDismissedAt: Iso | null;
  dismissReason: string | null;
  dismissComment: string | null;
  dismisser: UserData | null;
  dependencyScope: "RUNTIME" | "DEVELOPMENT";
  vulnerableManifestPath: string;
  vulnerableManifestFilename: string;
  vulnerableRequirements: string;
  securityVulnerability: {
    __typename: "SecurityVulnerability";
    severity: Severity;
    package: { __typename: "SecurityAdvisoryPackage"; name: string; ecosystem: string };
    vulnerableVersionRange: string;
    firstPatchedVersion: { __typename: "SecurityAdvisoryPackageVersion"; identifier: string } | null;
    updatedAt: Iso;
    advisory: AdvisoryData;
  };
  securityAdvisory: AdvisoryData;
}
