// Repository-level resources: stats, default-branch CI, releases, tags and Dependabot alerts.
// REPO_OVERVIEW asks for the first page of each, so an incremental sync needs one request here.
import { fragment, gql, RATE_LIMIT } from "./document";
import { CHECK_SUITE, ROLLUP } from "./fragments";

export const HISTORY = fragment(
  `fragment HistoryPage on CommitHistoryConnection {
    pageInfo { hasNextPage endCursor }
    nodes { id oid committedDate messageHeadline url author { name user { login } } statusCheckRollup { ...RollupFields } checkSuites(first: 20) { nodes { ...CheckSuiteFields } } }
  }`,
  [ROLLUP, CHECK_SUITE],
);

export const RELEASES = fragment(
  `fragment ReleasePage on ReleaseConnection {
    pageInfo { hasNextPage endCursor }
    nodes { id databaseId name tagName isDraft isPrerelease isLatest createdAt publishedAt updatedAt url description author { login } tagCommit { oid } }
  }`,
);

export const TAGS = fragment(
  `fragment TagPage on RefConnection {
    pageInfo { hasNextPage endCursor }
    nodes {
      name
      target {
        __typename oid
        ... on Commit { committedDate }
        ... on Tag { message tagger { date } target { __typename oid ... on Commit { committedDate } } }
      }
    }
  }`,
);

export const ALERT = fragment(
  `fragment AlertFields on RepositoryVulnerabilityAlert {
    id number state createdAt fixedAt dismissedAt autoDismissedAt dismissReason dependencyScope vulnerableManifestPath vulnerableRequirements
    securityVulnerability { severity vulnerableVersionRange package { name ecosystem } firstPatchedVersion { identifier } }
    securityAdvisory { ghsaId summary permalink identifiers { type value } }
  }`,
);

/** The repository's full label list (not only labels in use) and its milestones. */
export const LABEL_CATALOG = fragment(
  `fragment LabelCatalogPage on LabelConnection { pageInfo { hasNextPage endCursor } nodes { id name color description } }`,
);
export const MILESTONES = fragment(
  `fragment MilestonePage on MilestoneConnection {
    pageInfo { hasNextPage endCursor }
    nodes { id number title description state dueOn closedAt createdAt updatedAt }
  }`,
);

const RECHECK = fragment(
  `fragment RecheckFields on Node {
    __typename id
    ... on PullRequest { headRefOid statusCheckRollup { ...RollupFields } }
    ... on Commit { oid statusCheckRollup { ...RollupFields } }
  }`,
  [ROLLUP],
);

const ALERTS = fragment(
  `fragment AlertPage on RepositoryVulnerabilityAlertConnection { pageInfo { hasNextPage endCursor } nodes { ...AlertFields } }`,
  [ALERT],
);

const RELEASE_ORDER = "orderBy: { field: CREATED_AT, direction: DESC }";
const TAG_ORDER = `refPrefix: "refs/tags/", orderBy: { field: TAG_COMMIT_DATE, direction: DESC }`;

/**
 * `$withAlerts: false` for tokens that may not read Dependabot alerts. `$recheck`: open PRs and
 * default-branch commits whose CI was still running — finishing CI does not bump a PR's `updatedAt`.
 */
export const REPO_OVERVIEW = gql(
  `query RepoOverview($owner: String!, $name: String!, $historyFirst: Int!, $withAlerts: Boolean!, $recheck: [ID!]!) {
    repository(owner: $owner, name: $name) {
      id databaseId nameWithOwner isArchived isPrivate stargazerCount forkCount watchers { totalCount }
      defaultBranchRef { name target { __typename ... on Commit { history(first: $historyFirst) { ...HistoryPage } } } }
      releases(first: 25, ${RELEASE_ORDER}) { ...ReleasePage }
      refs(first: 50, ${TAG_ORDER}) { ...TagPage }
      vulnerabilityAlerts(first: 50) @include(if: $withAlerts) { ...AlertPage }
      labels(first: 100, orderBy: { field: NAME, direction: ASC }) { ...LabelCatalogPage }
      milestones(first: 100, orderBy: { field: NUMBER, direction: ASC }) { ...MilestonePage }
    }
    recheck: nodes(ids: $recheck) { ...RecheckFields }
    ${RATE_LIMIT}
  }`,
  [HISTORY, RELEASES, TAGS, ALERTS, RECHECK, LABEL_CATALOG, MILESTONES],
);

/** More CI re-checks than fit in the overview request. */
export const RECHECK_PAGE = gql(
  `query Recheck($recheck: [ID!]!) { recheck: nodes(ids: $recheck) { ...RecheckFields } ${RATE_LIMIT} }`,
  [RECHECK],
);

const repoPage = (name: string, variables: string, selection: string, fragments = [HISTORY]) =>
  gql(
    `query ${name}($owner: String!, $name: String!, $first: Int!, $after: String${variables}) {
    repository(owner: $owner, name: $name) { ${selection} }
    ${RATE_LIMIT}
  }`,
    fragments,
  );

export const HISTORY_PAGE = repoPage(
  "HistoryPage",
  "",
  "defaultBranchRef { name target { __typename ... on Commit { history(first: $first, after: $after) { ...HistoryPage } } } }",
);
export const RELEASES_PAGE = repoPage(
  "ReleasesPage",
  "",
  `releases(first: $first, after: $after, ${RELEASE_ORDER}) { ...ReleasePage }`,
  [RELEASES],
);
export const TAGS_PAGE = repoPage("TagsPage", "", `refs(first: $first, after: $after, ${TAG_ORDER}) { ...TagPage }`, [
  TAGS,
]);
export const LABELS_PAGE = repoPage(
  "LabelsPage",
  "",
  "labels(first: $first, after: $after, orderBy: { field: NAME, direction: ASC }) { ...LabelCatalogPage }",
  [LABEL_CATALOG],
);
export const MILESTONES_PAGE = repoPage(
  "MilestonesPage",
  "",
  "milestones(first: $first, after: $after, orderBy: { field: NUMBER, direction: ASC }) { ...MilestonePage }",
  [MILESTONES],
);
export const ALERTS_PAGE = repoPage(
  "AlertsPage",
  "",
  "vulnerabilityAlerts(first: $first, after: $after) { ...AlertPage }",
  [ALERTS],
);

export const ALERT_BY_NUMBER = gql(
  `query AlertByNumber($owner: String!, $name: String!, $number: Int!) {
    repository(owner: $owner, name: $name) { vulnerabilityAlert(number: $number) { ...AlertFields } }
    ${RATE_LIMIT}
  }`,
  [ALERT],
);

/** Checks a token before Settings stores it: who it authenticates as, and its budget. */
export const VIEWER = gql(`query Viewer { viewer { login } ${RATE_LIMIT} }`);
