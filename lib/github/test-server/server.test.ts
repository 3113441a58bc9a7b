import { GraphqlResponseError } from "@octokit/graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateRepo } from "./generator";
import { groundTruth } from "./ground-truth";
import { type GitHubTestServer, startGitHubTestServer } from "./server";
import { octokitFor, postGraphQL } from "./test-client";

const repo = generateRepo({ owner: "acme", name: "widgets", seed: 3, issues: 300, pulls: 100 });
let server: GitHubTestServer;
beforeAll(async () => {
  server = await startGitHubTestServer({ repos: [repo] });
});
afterAll(() => server.stop());

async function rejectionOf(query: string, variables: Record<string, unknown> = {}) {
  const error = await octokitFor(server)(query, variables).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphqlResponseError);
  return (error as GraphqlResponseError<unknown>).errors ?? [];
}

describe("schema validation", () => {
  it("rejects unknown fields and arguments with GitHub's errors, and counts each", async () => {
    server.stats.reset();
    const field = await rejectionOf(
      `query Broken { repository(owner: "acme", name: "widgets") { issues(first: 1) { nodes { fooBar } } } }`,
    );
    expect(field).toEqual([
      {
        path: ["query Broken", "repository", "issues", "nodes", "fooBar"],
        extensions: { code: "undefinedField", typeName: "Issue", fieldName: "fooBar" },
        locations: [{ line: 1, column: 88 }],
        message: "Field 'fooBar' doesn't exist on type 'Issue'",
      },
    ]);
    const argument = await rejectionOf(
      `{ repository(owner: "acme", name: "widgets") { pullRequests(first: 5, filterBy: { since: "2026-01-01T00:00:00Z" }) { nodes { number } } } }`,
    );
    expect(argument[0]).toMatchObject({
      path: ["query", "repository", "pullRequests", "filterBy"],
      extensions: { code: "argumentNotAccepted", name: "pullRequests", typeName: "Field", argumentName: "filterBy" },
      message: "Field 'pullRequests' doesn't accept argument 'filterBy'",
    });
    const merged = await rejectionOf(
      `{ repository(owner: "acme", name: "widgets") { issues(first: 5, states: [MERGED]) { nodes { number } } } }`,
    );
    expect(merged[0]).toMatchObject({
      path: ["query", "repository", "issues", "states"],
      extensions: { code: "argumentLiteralsIncompatible", typeName: "Field", argumentName: "states" },
      message: "Argument 'states' on Field 'issues' has an invalid value ([MERGED]). Expected type '[IssueState!]'.",
    });
    expect(server.stats.invalidQueries).toHaveLength(3);
    expect(server.stats.invalidQueries[1]?.errors[0]?.message).toBe(
      "Field 'pullRequests' doesn't accept argument 'filterBy'",
    );
  });

  it("rejects the traps a sync falls into: PR-only timeline enums on issues, DateTime for GitTimestamp, bad variables, page sizes", async () => {
    server.stats.reset();
    await rejectionOf(
      `{ repository(owner: "acme", name: "widgets") { issue(number: 1) { timelineItems(first: 10, itemTypes: [LABELED_EVENT, READY_FOR_REVIEW_EVENT]) { nodes { __typename } } } } }`,
    );
    const since = await rejectionOf(
      `query History($since: DateTime) { repository(owner: "acme", name: "widgets") { defaultBranchRef { target { ... on Commit { history(first: 10, since: $since) { nodes { oid } } } } } } }`,
      { since: "2026-01-01T00:00:00Z" },
    );
    expect(since[0]?.message).toBe("Type mismatch on variable $since and argument since (DateTime / GitTimestamp)");
    const variables = await rejectionOf(
      `query Q($states: [IssueState!]) { repository(owner: "acme", name: "widgets") { issues(first: 1, states: $states) { totalCount } } }`,
      { states: ["MERGED"] },
    );
    expect(variables[0]?.message).toBe("Variable $states of type [IssueState!] was provided invalid value for 0");
    const tooMany = await rejectionOf(
      `{ repository(owner: "acme", name: "widgets") { issues(first: 101) { nodes { number } } } }`,
    );
    expect(tooMany[0]).toMatchObject({
      type: "EXCESSIVE_PAGINATION",
      path: ["repository", "issues"],
      message: "Requesting 101 records on the `issues` connection exceeds the `first` limit of 100 records.",
    });
    const unbounded = await rejectionOf(
      `{ repository(owner: "acme", name: "widgets") { issues { nodes { number } } } }`,
    );
    expect(unbounded[0]?.type).toBe("MISSING_PAGINATION_BOUNDARIES");
    expect(server.stats.invalidQueries).toHaveLength(5);
    // totalCount alone needs no page size, as on GitHub
    await octokitFor(server)(`{ repository(owner: "acme", name: "widgets") { issues(states: OPEN) { totalCount } } }`);
    expect(server.stats.invalidQueries).toHaveLength(5);
  });

  it("answers like GitHub for auth, unknown repositories and GHES base URLs", async () => {
    const anonymous = await postGraphQL(server.graphqlUrl, "{ viewer { login } }", {}, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toMatchObject({ message: "This endpoint requires you to be authenticated." });
    const missing = await postGraphQL(server.graphqlUrl, `{ repository(owner: "acme", name: "nope") { id } }`);
    expect(missing.json).toEqual({
      data: { repository: null },
      errors: [
        {
          type: "NOT_FOUND",
          path: ["repository"],
          locations: [{ line: 1, column: 3 }],
          message: "Could not resolve to a Repository with the name 'acme/nope'.",
        },
      ],
    });
    const ghes = await octokitFor(server).defaults({ baseUrl: `${server.url}/api/v3` })<{
      repository: { nameWithOwner: string };
    }>(`{ repository(owner: "acme", name: "widgets") { nameWithOwner } }`);
    expect(ghes.repository.nameWithOwner).toBe("acme/widgets");
    expect(server.stats.requests.at(-1)?.path).toBe("/api/graphql");
  });
});

const ITEM_FIELDS = `id number title body state createdAt updatedAt closedAt
  author { __typename login }
  labels(first: 20) { nodes { name } }
  comments(first: 30) { totalCount pageInfo { hasNextPage endCursor } nodes { id body author { login } } }
  timelineItems(first: 50, itemTypes: [LABELED_EVENT, UNLABELED_EVENT]) { pageInfo { hasNextPage } nodes { __typename ... on LabeledEvent { createdAt label { name } actor { login } } ... on UnlabeledEvent { createdAt label { name } actor { login } } } }`;

const SYNC_PAGE = `query SyncPage($owner: String!, $name: String!, $issues: String, $pulls: String, $withPulls: Boolean!) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    issues(first: 50, after: $issues, orderBy: { field: UPDATED_AT, direction: ASC }) { pageInfo { hasNextPage endCursor } nodes { ...IssueFields } }
    pullRequests(first: 50, after: $pulls, orderBy: { field: UPDATED_AT, direction: ASC }) @include(if: $withPulls) { pageInfo { hasNextPage endCursor } nodes { ...PullFields } }
  }
}
fragment IssueFields on Issue { ${ITEM_FIELDS} stateReason }
fragment PullFields on PullRequest { ${ITEM_FIELDS} merged isDraft }`;

const MORE_COMMENTS = `query MoreComments($id: ID!, $cursor: String) {
  node(id: $id) { ... on Issue { comments(first: 100, after: $cursor) { ...Page } } ... on PullRequest { comments(first: 100, after: $cursor) { ...Page } } }
}
fragment Page on IssueCommentConnection { pageInfo { hasNextPage endCursor } nodes { id body author { login } } }`;

interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}
interface SyncedItem {
  id: string;
  number: number;
  title: string;
  body: string;
  state: string;
  updatedAt: string;
  author: { __typename: string; login: string } | null;
  labels: { nodes: { name: string }[] };
  comments: Page<{ id: string; body: string; author: { login: string } | null }> & { totalCount: number };
  timelineItems: Page<{
    __typename: string;
    createdAt: string;
    label: { name: string };
    actor: { login: string } | null;
  }>;
}
interface SyncPage {
  rateLimit: { cost: number; remaining: number };
  repository: { issues: Page<SyncedItem>; pullRequests?: Page<SyncedItem> };
}

describe("unmodelled fields", () => {
  it("resolve to null, defaults or empty pages instead of failing", async () => {
    const res = await postGraphQL(
      server.graphqlUrl,
      `{ repository(owner: "acme", name: "widgets") {
      licenseInfo { name } planFeatures { maximumAssignees } viewerPermission
      pullRequests(first: 1, states: MERGED) { nodes { files(first: 5) { totalCount nodes { path } } closingIssuesReferences(first: 5) { nodes { number } }
        mergeCommit { oid } autoMergeRequest { enabledAt } viewerCanUpdate reactionGroups { content }
        timelineItems(first: 5, itemTypes: [READY_FOR_REVIEW_EVENT, MERGED_EVENT]) { nodes { __typename } } } } } }`,
    );
    expect(res.json).toEqual({
      data: {
        repository: {
          licenseInfo: null,
          planFeatures: { maximumAssignees: 0 },
          viewerPermission: "ADMIN" /* modelled for triage write access */,
          pullRequests: {
            nodes: [
              {
                files: { totalCount: 0, nodes: [] },
                closingIssuesReferences: { nodes: [] },
                mergeCommit: null,
                autoMergeRequest: null,
                viewerCanUpdate: false,
                reactionGroups: null,
                timelineItems: { nodes: expect.arrayContaining([{ __typename: "MergedEvent" }]) },
              },
            ],
          },
        },
      },
    });
  });
});

describe("a realistic sync through @octokit/graphql", () => {
  it("pages issues and PRs with nested connections, follows a >100-comment thread, and matches the ground truth", async () => {
    server.stats.reset();
    const gql = octokitFor(server);
    const synced = new Map<number, SyncedItem>();
    const remaining: number[] = [];
    let cursors: { issues: string | null; pulls: string | null; withPulls: boolean } = {
      issues: null,
      pulls: null,
      withPulls: true,
    };
    for (let more = true; more;) {
      const page = await gql<SyncPage>(SYNC_PAGE, { owner: "acme", name: "widgets", ...cursors });
      remaining.push(page.rateLimit.remaining);
      const pulls = page.repository.pullRequests;
      for (const item of [...page.repository.issues.nodes, ...(pulls?.nodes ?? [])]) synced.set(item.number, item);
      cursors = {
        issues: page.repository.issues.pageInfo.endCursor,
        pulls: pulls?.pageInfo.endCursor ?? cursors.pulls,
        withPulls: cursors.withPulls && (pulls?.pageInfo.hasNextPage ?? false),
      };
      more = page.repository.issues.pageInfo.hasNextPage || cursors.withPulls;
    }
    for (const item of synced.values()) {
      for (let page = item.comments; page.pageInfo.hasNextPage;) {
        const next = await gql<{ node: { comments: SyncedItem["comments"] } }>(MORE_COMMENTS, {
          id: item.id,
          cursor: page.pageInfo.endCursor,
        });
        item.comments.nodes.push(...next.node.comments.nodes);
        page = next.node.comments;
      }
    }

    const truth = groundTruth(repo);
    expect(synced.size).toBe(truth.items.length);
    const biggest = truth.items.reduce((a, b) => (b.commentCount > a.commentCount ? b : a));
    expect(biggest.commentCount).toBeGreaterThan(100);
    expect(synced.get(biggest.number)?.comments.nodes.map((c) => c.id)).toEqual(
      repo.items.find((i) => i.number === biggest.number)?.comments.map((c) => c.id),
    );
    for (const t of truth.items) {
      const s = synced.get(t.number);
      expect(s, `#${t.number}`).toBeDefined();
      if (!s) continue;
      expect({ title: s.title, body: s.body, state: s.state, updatedAt: s.updatedAt }).toEqual({
        title: t.title,
        body: t.body,
        state: t.state,
        updatedAt: t.updatedAt,
      });
      expect(s.author && { login: s.author.login, type: s.author.__typename }).toEqual(t.author);
      expect(s.labels.nodes.map((l) => l.name).sort()).toEqual(t.labels);
      expect(s.comments.totalCount).toBe(t.commentCount);
      expect(s.comments.nodes).toHaveLength(t.commentCount);
      expect(s.timelineItems.pageInfo.hasNextPage).toBe(false);
      expect(
        s.timelineItems.nodes.map((e) => ({
          action: e.__typename === "LabeledEvent" ? "labeled" : "unlabeled",
          label: e.label.name,
          actor: e.actor?.login ?? null,
          at: e.createdAt,
        })),
      ).toEqual(t.labelEvents);
    }
    expect(truth.items.some((t) => t.body.includes("\u0000"))).toBe(true);
    expect(server.stats.invalidQueries).toEqual([]);
    expect(server.stats.requests.every((r) => r.status === 200)).toBe(true);
    expect(remaining.at(-1)).toBeLessThan(remaining[0] ?? 0);
  });

  it("resolves node ids of issues, comments and lazily generated check runs", async () => {
    const pr = repo.items.find((i) => i.__typename === "PullRequest");
    const issue = repo.items.find((i) => i.__typename === "Issue" && i.commentCount > 0);
    const run = pr?.__typename === "PullRequest" ? pr.commits.at(-1)?.commit.checkSuites[0]?.checkRuns[0] : undefined;
    const ids = [issue?.id, issue?.comments[0]?.id, run?.id, "I_kwDOnope"];
    const res = await postGraphQL(
      server.graphqlUrl,
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on CheckRun { name checkSuite { commit { oid } } } } }`,
      { ids },
    );
    const body = res.json as {
      data: { nodes: ({ __typename: string; id: string } | null)[] };
      errors: { type: string; path: (string | number)[] }[];
    };
    expect(body.data.nodes.map((n) => n?.__typename ?? null)).toEqual(["Issue", "IssueComment", "CheckRun", null]);
    expect(body.errors).toEqual([expect.objectContaining({ type: "NOT_FOUND", path: ["nodes", 3] })]);
  });
});
