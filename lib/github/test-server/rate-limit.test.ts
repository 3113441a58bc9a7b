import { getOperationAST, parse } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { generateRepo } from "./generator";
import { analyzeCost } from "./rate-limit";
import { githubSchema } from "./schema";
import { type GitHubTestServer, startGitHubTestServer } from "./server";
import { postGraphQL } from "./test-client";

const repo = generateRepo({ owner: "acme", name: "widgets", seed: 5, issues: 120, pulls: 40 });

/**
 * GitHub's formula, by hand. Requests = times each connection is fetched (product of the
 * enclosing page sizes); nodes = requests × its own page size.
 *   issues(first: 50)                 1 request      50 nodes
 *     comments(first: 10)            50 requests    500 nodes
 *     labels(first: 5)               50 requests    250 nodes
 *   pullRequests(first: 20)           1 request      20 nodes
 *     reviews(first: 10)             20 requests    200 nodes
 *     commits(last: 1)               20 requests     20 nodes
 *       checkSuites(first: 10)       20 requests    200 nodes
 *         checkRuns(first: 20)      200 requests  4,000 nodes
 *   total                           362 requests  5,240 nodes  → cost round(362 / 100) = 4
 */
const KNOWN = `query Known {
  rateLimit { cost remaining used limit nodeCount resetAt }
  repository(owner: "acme", name: "widgets") {
    issues(first: 50) { nodes { comments(first: 10) { totalCount } labels(first: 5) { nodes { name } } } }
    pullRequests(first: 20) { nodes {
      reviews(first: 10) { nodes { state } }
      commits(last: 1) { nodes { commit { checkSuites(first: 10) { nodes { checkRuns(first: 20) { nodes { name } } } } } } }
    } }
  }
}`;

const costOf = (query: string) => {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error("no operation");
  return analyzeCost(githubSchema(), document, operation, {});
};

let server: GitHubTestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe("query cost", () => {
  it("matches the hand-computed formula for a sync-shaped query", () => {
    expect(costOf(KNOWN)).toMatchObject({ requests: 362, nodeCount: 5240, cost: 4 });
    expect(costOf(`{ viewer { login } rateLimit { cost } }`).cost).toBe(1);
    const skipped = KNOWN.replace("pullRequests(first: 20)", "pullRequests(first: 20) @skip(if: true)");
    expect(costOf(skipped)).toMatchObject({ requests: 101, nodeCount: 800, cost: 1 });
  });

  it("reproduces the example in GitHub's documentation (5,101 requests → 51 points, 305,100 nodes)", () => {
    const doc = costOf(`query { viewer { login repositories(first: 100) { edges { repository: node { name
      issues(first: 50) { edges { node { title labels(first: 60) { edges { node { name } } } } } } } } } } }`);
    expect(doc).toMatchObject({ requests: 5101, cost: 51, nodeCount: 305_100 });
  });

  it("reports the cost in rateLimit and headers, and remaining goes down by it", async () => {
    server = await startGitHubTestServer({ repos: [repo] });
    const first = await postGraphQL(server.graphqlUrl, KNOWN);
    const second = await postGraphQL(server.graphqlUrl, KNOWN);
    const a = (first.json as { data: { rateLimit: { cost: number; remaining: number; nodeCount: number } } }).data
      .rateLimit;
    const b = (second.json as { data: { rateLimit: { cost: number; remaining: number } } }).data.rateLimit;
    expect(a).toMatchObject({ cost: 4, remaining: 4996, nodeCount: 5240 });
    expect(b.remaining).toBe(a.remaining - 4);
    expect(second.headers.get("x-ratelimit-remaining")).toBe("4992");
    expect(second.headers.get("x-ratelimit-used")).toBe("8");
    expect(second.headers.get("x-ratelimit-resource")).toBe("graphql");
    expect(Number(second.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    expect(server.stats.totalPoints).toBe(8);
    expect(server.stats.requests.map((r) => r.cost)).toEqual([4, 4]);
  });

  it("answers RATE_LIMITED once the budget is spent, and resets with the window", async () => {
    let now = 1_000_000;
    server = await startGitHubTestServer({
      repos: [repo],
      rateLimit: { limit: 10, windowMs: 60_000, clock: () => now },
    });
    expect((await postGraphQL(server.graphqlUrl, KNOWN)).status).toBe(200);
    expect((await postGraphQL(server.graphqlUrl, KNOWN)).status).toBe(200);
    const limited = await postGraphQL(server.graphqlUrl, KNOWN);
    expect(limited.status).toBe(200);
    expect(limited.json).toEqual({
      errors: [{ type: "RATE_LIMITED", message: expect.stringMatching(/^API rate limit already exceeded/) }],
    });
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(server.stats.totalPoints).toBe(8);
    now += 60_000;
    const after = await postGraphQL(server.graphqlUrl, KNOWN);
    expect((after.json as { data: { rateLimit: { remaining: number } } }).data.rateLimit.remaining).toBe(6);
  });

  it("can answer RATE_LIMITED with 403 instead", async () => {
    server = await startGitHubTestServer({ repos: [repo], rateLimit: { limit: 3, exceededStatus: 403 } });
    expect((await postGraphQL(server.graphqlUrl, KNOWN)).status).toBe(403);
  });

  it("rejects more than 500,000 possible nodes without charging", async () => {
    server = await startGitHubTestServer({ repos: [repo] });
    const res = await postGraphQL(
      server.graphqlUrl,
      `{ repository(owner: "acme", name: "widgets") {
      issues(first: 100) { nodes { comments(first: 100) { nodes { reactions(first: 100) { totalCount } } } } } } }`,
    );
    expect(res.json).toEqual({
      errors: [
        {
          type: "MAX_NODE_LIMIT_EXCEEDED",
          message:
            "By the time this query traverses to the reactions connection, it is requesting up to 1,010,100 possible nodes which exceeds the maximum limit of 500,000.",
        },
      ],
    });
    expect(server.stats.totalPoints).toBe(0);
    expect(server.stats.invalidQueries).toHaveLength(1);
  });
});
