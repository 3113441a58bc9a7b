// Batched follow-ups fetch the rest of every kind of connection, whatever page they start from.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OperationDefinitionNode, parse } from "graphql";
import { analyzeCost, generateRepo, type GitHubTestServer, startGitHubTestServer } from "@/lib/github/test-server";
import { githubSchema } from "@/lib/github/test-server/schema";
import { GithubClient } from "../client";
import { type FollowUpKind, followUpQuery } from "../queries/follow-ups";
import { ISSUE_EVENT_TYPES } from "../queries/fragments";
import { batchFollowUps, FollowUp, runFollowUps } from "./follow-ups";

const repo = generateRepo({ owner: "acme", name: "follow", seed: 13, issues: 60, pulls: 40, databaseId: 1903 });
let server: GitHubTestServer;
let client: GithubClient;
beforeAll(async () => {
  server = await startGitHubTestServer({ repos: [repo] });
  client = new GithubClient({ token: "t", baseUrl: server.url, baseDelayMs: 1 });
});
afterAll(() => server.stop());

type Conn = {
  nodes: { id?: string; name?: string }[];
  pageInfo: { hasPreviousPage?: boolean; startCursor?: string; hasNextPage?: boolean; endCursor?: string };
};
const first = async (id: string, selection: string): Promise<Conn> => {
  const data = await client.query<{ node: Record<string, Conn | { contexts: Conn }> }>(
    `query($id: ID!) { node(id: $id) { ${selection} } rateLimit { cost remaining resetAt limit } }`,
    { id },
  );
  const value = Object.values(data.node)[0]!;
  return "contexts" in value ? value.contexts : value;
};

describe("runFollowUps", () => {
  it("completes comments, events, reviews, labels and CI contexts in one request", async () => {
    const issue = repo.items.find(
      (i) =>
        i.__typename === "Issue" &&
        i.comments.length >= 3 &&
        i.labels.length >= 2 &&
        i.events.filter((e) => e.__typename === "LabeledEvent").length >= 2,
    )!;
    const pull = repo.items.find(
      (i) =>
        i.__typename === "PullRequest" &&
        i.reviews.length >= 2 &&
        (i.commits.at(-1)?.commit.checkSuites.flatMap((s) => s.checkRuns).length ?? 0) >= 2,
    )!;
    if (pull.__typename !== "PullRequest") throw new Error("need a pull request");
    const head = pull.commits.at(-1)!.commit;
    const back = (c: Conn) => ({ nodes: c.nodes, cursor: c.pageInfo.hasPreviousPage ? c.pageInfo.startCursor! : null });
    const fwd = (c: Conn) => ({ nodes: c.nodes, cursor: c.pageInfo.hasNextPage ? c.pageInfo.endCursor! : null });
    const tasks = [
      new FollowUp(
        "comments",
        issue.id,
        back(
          await first(
            issue.id,
            "... on Issue { comments(last: 1) { pageInfo { hasPreviousPage startCursor } nodes { id } } }",
          ),
        ),
      ),
      new FollowUp(
        "events",
        issue.id,
        back(
          await first(
            issue.id,
            `... on Issue { timelineItems(last: 1, itemTypes: ${ISSUE_EVENT_TYPES}) { pageInfo { hasPreviousPage startCursor } nodes { ... on LabeledEvent { id } ... on UnlabeledEvent { id } ... on ClosedEvent { id } ... on ReopenedEvent { id } } } }`,
          ),
        ),
      ),
      new FollowUp(
        "labels",
        issue.id,
        fwd(
          await first(
            issue.id,
            "... on Issue { labels(first: 1) { pageInfo { hasNextPage endCursor } nodes { id name } } }",
          ),
        ),
      ),
      new FollowUp(
        "reviews",
        pull.id,
        back(
          await first(
            pull.id,
            "... on PullRequest { reviews(last: 1) { pageInfo { hasPreviousPage startCursor } nodes { id } } }",
          ),
        ),
      ),
      new FollowUp(
        "contexts",
        head.statusCheckRollup!.id,
        fwd(
          await first(
            pull.id,
            "... on PullRequest { statusCheckRollup { contexts(first: 1) { pageInfo { hasNextPage endCursor } nodes { ... on CheckRun { id } } } } }",
          ),
        ),
      ),
    ];
    server.stats.reset();
    await runFollowUps(client, tasks);
    expect(server.stats.requests).toHaveLength(1);
    expect(server.stats.invalidQueries).toEqual([]);
    const ids = (t: FollowUp<unknown>) => t.nodes.map((n) => (n as { id: string }).id);
    expect(ids(tasks[0]!)).toEqual(issue.comments.map((c) => c.id));
    expect(ids(tasks[1]!)).toEqual(
      issue.events
        .filter((e) => ["LabeledEvent", "UnlabeledEvent", "ClosedEvent", "ReopenedEvent"].includes(e.__typename))
        .map((e) => e.id),
    );
    expect(ids(tasks[2]!)).toEqual(issue.labels.map((l) => l.id));
    expect(ids(tasks[3]!)).toEqual(pull.reviews.map((r) => r.id));
    expect(ids(tasks[4]!)).toEqual(head.checkSuites.flatMap((s) => s.checkRuns.map((r) => r.id)));
  });
});

describe("batchFollowUps", () => {
  const cost = (kinds: FollowUpKind[]) => {
    const document = parse(followUpQuery(kinds));
    const operation = document.definitions.find((d) => d.kind === "OperationDefinition") as OperationDefinitionNode;
    return analyzeCost(githubSchema(), document, operation, {});
  };
  const tasks = (kind: FollowUpKind, n: number) => Array.from({ length: n }, () => ({ kind }));

  it("fills a request up to 100 connections (1 point), then starts the next", () => {
    const open = [...tasks("comments", 49), ...tasks("reviews", 2), ...tasks("labels", 3), ...tasks("contexts", 2)];
    const batches = batchFollowUps(open);
    expect(batches.map((b) => b.length)).toEqual([51, 5]); // 49 × 2 + 2 × 1 = 100; then 3 × 2 + 2 × 1
    expect(cost(batches[0]!.map((t) => t.kind))).toMatchObject({ requests: 100, cost: 1 });
    expect(cost(batches[1]!.map((t) => t.kind))).toMatchObject({ requests: 8, cost: 1 });
    // 75 comment threads are 150 connections: 2 points, which is why a request stops at 100.
    expect(cost(tasks("comments", 75).map((t) => t.kind))).toMatchObject({ requests: 150, cost: 2 });
  });

  it("costs one point per request for any mix of kinds", () => {
    const kinds: FollowUpKind[] = ["comments", "events", "reviews", "labels", "contexts"];
    const open = Array.from({ length: 200 }, (_, i) => ({ kind: kinds[(i * 7) % 5]! }));
    const batches = batchFollowUps(open);
    expect(batches.flat()).toEqual(open);
    for (const batch of batches) expect(cost(batch.map((t) => t.kind)).cost).toBe(1);
    expect(batches.length).toBeLessThan(open.length / 10); // fewer requests than ten connections each
  });
});
