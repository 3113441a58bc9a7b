import { hash32 } from "./random";
import type {
  ActorData,
  AlertData,
  CheckRunData,
  CheckSuiteData,
  CommentData,
  CommitData,
  GeneratedRepo,
  ItemData,
  LabelData,
  MilestoneData,
  ReleaseData,
  ReviewData,
} from "./types";

/** REST v3 shapes (snake_case, lower-case enums) that webhook payloads use, built from generated data. */

const API = "https://api.github.com";
const lower = <T extends string | null>(value: T) => (value === null ? null : value.toLowerCase());

/** REST (and webhooks) name bots `login[bot]`; deleted accounts appear as `ghost`. */
export function restUser(actor: ActorData | null) {
  if (!actor)
    return {
      login: "ghost",
      id: 10137,
      node_id: "MDQ6VXNlcjEwMTM3",
      type: "User",
      site_admin: false,
      html_url: "https://github.com/ghost",
      url: `${API}/users/ghost`,
      avatar_url: "https://avatars.githubusercontent.com/u/10137?v=4",
    };
  const login = actor.__typename === "Bot" ? `${actor.login}[bot]` : actor.login;
  return {
    login,
    id: actor.databaseId,
    node_id: actor.id,
    type: actor.__typename,
    site_admin: false,
    html_url: actor.url,
    url: `${API}/users/${encodeURIComponent(login)}`,
    avatar_url: actor.avatarUrl,
  };
}

export function restRepo(repo: GeneratedRepo) {
  return {
    id: repo.databaseId,
    node_id: repo.id,
    name: repo.name,
    full_name: repo.nameWithOwner,
    private: repo.isPrivate,
    owner: {
      login: repo.owner.login,
      id: hash32(repo.owner.login) % 1_000_000,
      node_id: repo.owner.id,
      type: "Organization",
      html_url: repo.owner.url,
    },
    html_url: repo.url,
    url: `${API}/repos/${repo.nameWithOwner}`,
    default_branch: repo.defaultBranchRef.name,
    stargazers_count: repo.stargazerCount,
    watchers_count: repo.stargazerCount,
    forks_count: repo.forkCount,
    open_issues_count: repo.items.filter((i) => i.state === "OPEN").length,
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    pushed_at: repo.pushedAt,
    archived: repo.isArchived,
    fork: repo.isFork,
  };
}

export function restLabel(label: LabelData) {
  return {
    id: hash32(label.id),
    node_id: label.id,
    url: label.url.replace("https://github.com/", `${API}/repos/`),
    name: label.name,
    color: label.color,
    default: label.isDefault,
    description: label.description,
  };
}

function restMilestone(m: MilestoneData | null) {
  return (
    m && {
      id: hash32(m.id),
      node_id: m.id,
      number: m.number,
      title: m.title,
      description: m.description,
      state: lower(m.state),
      due_on: m.dueOn,
      closed_at: m.closedAt,
      created_at: m.createdAt,
      updated_at: m.updatedAt,
      html_url: m.url,
    }
  );
}

export function restIssue(repo: GeneratedRepo, item: ItemData) {
  const kind = item.__typename === "PullRequest" ? "pulls" : "issues";
  return {
    id: item.databaseId,
    node_id: item.id,
    number: item.number,
    title: item.title,
    body: item.body || null,
    user: restUser(item.author),
    labels: item.labels.map(restLabel),
    state: item.state === "OPEN" ? "open" : "closed",
    state_reason: item.__typename === "Issue" ? lower(item.stateReason) : null,
    locked: item.locked,
    assignee: item.assignees[0] ? restUser(item.assignees[0]) : null,
    assignees: item.assignees.map(restUser),
    milestone: restMilestone(item.milestone),
    comments: item.commentCount,
    author_association: item.authorAssociation,
    created_at: item.createdAt,
    updated_at: item.updatedAt,
    closed_at: item.closedAt,
    html_url: item.url,
    url: `${API}/repos/${repo.nameWithOwner}/issues/${item.number}`,
    repository_url: `${API}/repos/${repo.nameWithOwner}`,
    ...(item.__typename === "PullRequest"
      ? {
          pull_request: {
            url: `${API}/repos/${repo.nameWithOwner}/${kind}/${item.number}`,
            html_url: item.url,
            merged_at: item.mergedAt,
          },
        }
      : {}),
  };
}

export function restPull(repo: GeneratedRepo, item: ItemData) {
  if (item.__typename !== "PullRequest") throw new Error(`#${item.number} is not a pull request`);
  const { pull_request: _link, ...issue } = restIssue(repo, item);
  return {
    ...issue,
    url: `${API}/repos/${repo.nameWithOwner}/pulls/${item.number}`,
    draft: item.isDraft,
    merged: item.merged,
    merged_at: item.mergedAt,
    merged_by: item.merged ? restUser(item.mergedBy) : null,
    head: { ref: item.headRefName, sha: item.headRefOid, label: `${repo.owner.login}:${item.headRefName}` },
    base: { ref: item.baseRefName, sha: item.baseRefOid, label: `${repo.owner.login}:${item.baseRefName}` },
    additions: item.additions,
    deletions: item.deletions,
    changed_files: item.changedFiles,
    requested_reviewers: item.reviewRequests.map((r) => restUser(r.requestedReviewer)),
    requested_teams: [],
    review_comments: 0,
  };
}

export function restComment(repo: GeneratedRepo, item: ItemData, comment: CommentData) {
  return {
    id: comment.databaseId,
    node_id: comment.id,
    body: comment.body,
    user: restUser(comment.author),
    author_association: comment.authorAssociation,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    html_url: comment.url,
    issue_url: `${API}/repos/${repo.nameWithOwner}/issues/${item.number}`,
    url: `${API}/repos/${repo.nameWithOwner}/issues/comments/${comment.databaseId}`,
  };
}

export function restReview(item: ItemData, review: ReviewData) {
  return {
    id: review.databaseId,
    node_id: review.id,
    user: restUser(review.author),
    body: review.body || null,
    state: lower(review.state),
    submitted_at: review.submittedAt,
    author_association: review.authorAssociation,
    commit_id: item.__typename === "PullRequest" ? item.headRefOid : null,
    html_url: review.url,
  };
}

const restApp = (suite: CheckSuiteData) =>
  suite.app && { id: suite.app.databaseId, slug: suite.app.slug, name: suite.app.name, node_id: suite.app.id };

export function restCheckSuite(suite: CheckSuiteData, commit: CommitData, branch: string) {
  return {
    id: suite.databaseId,
    node_id: suite.id,
    head_branch: branch,
    head_sha: commit.oid,
    status: lower(suite.status),
    conclusion: lower(suite.conclusion),
    app: restApp(suite),
    created_at: suite.createdAt,
    updated_at: suite.updatedAt,
    latest_check_runs_count: suite.checkRuns.length,
    pull_requests: [],
  };
}

export function restCheckRun(run: CheckRunData, suite: CheckSuiteData, commit: CommitData, branch: string) {
  return {
    id: run.databaseId,
    node_id: run.id,
    head_sha: commit.oid,
    name: run.name,
    status: lower(run.status),
    conclusion: lower(run.conclusion),
    started_at: run.startedAt,
    completed_at: run.completedAt,
    html_url: run.url,
    details_url: run.detailsUrl,
    app: restApp(suite),
    check_suite: restCheckSuite(suite, commit, branch),
    pull_requests: [],
  };
}

export function restWorkflowRun(suite: CheckSuiteData, commit: CommitData, branch: string) {
  const run = suite.workflowRun;
  if (!run) throw new Error("this check suite is not a GitHub Actions workflow run");
  return {
    id: run.databaseId,
    node_id: run.id,
    name: run.workflow.name,
    run_number: run.runNumber,
    event: run.event,
    status: lower(suite.status),
    conclusion: lower(suite.conclusion),
    head_branch: branch,
    head_sha: commit.oid,
    workflow_id: run.workflow.databaseId,
    check_suite_id: suite.databaseId,
    check_suite_node_id: suite.id,
    html_url: run.url,
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    run_started_at: run.createdAt,
  };
}

/** REST names the real publisher, so bot releases carry `github-actions[bot]` here (GraphQL: author null). */
export function restRelease(repo: GeneratedRepo, release: ReleaseData) {
  return {
    id: release.databaseId,
    node_id: release.id,
    tag_name: release.tagName,
    name: release.name,
    body: release.description,
    draft: release.isDraft,
    prerelease: release.isPrerelease,
    created_at: release.createdAt,
    published_at: release.publishedAt,
    author: restUser(release.publishedBy),
    target_commitish: repo.defaultBranchRef.name,
    html_url: release.url,
    url: `${API}/repos/${repo.nameWithOwner}/releases/${release.databaseId}`,
    assets: [],
  };
}

const DISMISS_REASONS: Record<string, string> = {
  "Risk is tolerable to this project": "tolerable_risk",
  "A fix has already been started": "fix_started",
  "This alert is inaccurate or incorrect": "inaccurate",
  "Vulnerable code is not actually used": "not_used",
  "No bandwidth to fix this": "no_bandwidth",
};

export function restAlert(repo: GeneratedRepo, alert: AlertData) {
  const v = alert.securityVulnerability;
  const a = alert.securityAdvisory;
  const pkg = { ecosystem: v.package.ecosystem.toLowerCase(), name: v.package.name };
  return {
    number: alert.number,
    state: lower(alert.state),
    dependency: { package: pkg, manifest_path: alert.vulnerableManifestPath, scope: lower(alert.dependencyScope) },
    security_advisory: {
      ghsa_id: a.ghsaId,
      cve_id: a.identifiers.find((i) => i.type === "CVE")?.value ?? null,
      summary: a.summary,
      description: a.description,
      severity: lower(a.severity),
      identifiers: a.identifiers.map(({ type, value }) => ({ type, value })),
      published_at: a.publishedAt,
      updated_at: a.updatedAt,
      withdrawn_at: null,
    },
    security_vulnerability: {
      package: pkg,
      severity: lower(v.severity),
      vulnerable_version_range: v.vulnerableVersionRange,
      first_patched_version: v.firstPatchedVersion && { identifier: v.firstPatchedVersion.identifier },
    },
    url: `${API}/repos/${repo.nameWithOwner}/dependabot/alerts/${alert.number}`,
    html_url: `${repo.url}/security/dependabot/${alert.number}`,
    created_at: alert.createdAt,
    updated_at: alert.fixedAt ?? alert.dismissedAt ?? alert.autoDismissedAt ?? alert.createdAt,
    dismissed_at: alert.dismissedAt,
    dismissed_by: alert.dismisser ? restUser(alert.dismisser) : null,
    dismissed_reason: alert.dismissReason && (DISMISS_REASONS[alert.dismissReason] ?? alert.dismissReason),
    dismissed_comment: alert.dismissComment,
    fixed_at: alert.fixedAt,
    auto_dismissed_at: alert.autoDismissedAt,
  };
}
