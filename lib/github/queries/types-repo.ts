// Response shapes of the repository-level documents (repository.ts).
import type { GqlCheckSuite, GqlRollup, PageInfoForward } from "./types";

export interface GqlCommit {
  id: string;
  oid: string;
  committedDate: string;
  messageHeadline: string;
  url: string;
  author: { name: string | null; user: { login: string } | null } | null;
  statusCheckRollup: GqlRollup | null;
  /** Every suite of the commit: a suite without check runs (STARTUP_FAILURE) is in no rollup. */
  checkSuites?: { nodes: GqlCheckSuite[] } | null;
}

export interface GqlRelease {
  id: string;
  databaseId: number | null;
  name: string | null;
  tagName: string;
  isDraft: boolean;
  isPrerelease: boolean;
  isLatest: boolean;
  createdAt: string;
  publishedAt: string | null;
  updatedAt: string;
  url: string;
  /** The release notes (Markdown); null when empty. */
  description: string | null;
  author: { login: string } | null;
  tagCommit: { oid: string } | null;
}

interface GqlGitObject {
  __typename: string;
  oid: string;
  committedDate?: string;
}
export interface GqlTagRef {
  name: string;
  target: (GqlGitObject & { message?: string; tagger?: { date: string | null } | null; target?: GqlGitObject }) | null;
}

export interface GqlAlert {
  id: string;
  number: number;
  state: string;
  createdAt: string;
  fixedAt: string | null;
  dismissedAt: string | null;
  autoDismissedAt: string | null;
  dismissReason: string | null;
  dependencyScope: string | null;
  vulnerableManifestPath: string;
  vulnerableRequirements: string | null;
  securityVulnerability: {
    severity: string;
    vulnerableVersionRange: string;
    package: { name: string; ecosystem: string };
    firstPatchedVersion: { identifier: string } | null;
  } | null;
  securityAdvisory: {
    ghsaId: string;
    summary: string;
    permalink: string | null;
    identifiers: { type: string; value: string }[];
  } | null;
}

export interface SimplePage<T> {
  pageInfo: PageInfoForward;
  nodes: T[];
}

export interface GqlRepoOverview {
  id: string;
  databaseId: number | null;
  nameWithOwner: string;
  isArchived: boolean;
  isPrivate: boolean;
  stargazerCount: number;
  forkCount: number;
  watchers: { totalCount: number };
  defaultBranchRef: { name: string; target: { __typename: string; history?: SimplePage<GqlCommit> } | null } | null;
  releases: SimplePage<GqlRelease>;
  refs: SimplePage<GqlTagRef> | null;
  vulnerabilityAlerts?: SimplePage<GqlAlert> | null;
  labels: SimplePage<GqlCatalogLabel> | null;
  milestones: SimplePage<GqlMilestone> | null;
}

export interface GqlCatalogLabel {
  id: string;
  name: string;
  color: string;
  description: string | null;
}
export interface GqlMilestone {
  id: string;
  number: number;
  title: string;
  description: string | null;
  state: string;
  dueOn: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type GqlRecheck =
  | { __typename: "PullRequest"; id: string; headRefOid: string; statusCheckRollup: GqlRollup | null }
  | { __typename: "Commit"; id: string; oid: string; statusCheckRollup: GqlRollup | null }
  | null;
