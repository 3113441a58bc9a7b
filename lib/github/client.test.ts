// The client against the test server's failures: it retries what can be retried, halves pages on
// gateway timeouts, honours retry-after, stops at the budget reserve and never overlaps requests.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateRepo, type GitHubTestServer, startGitHubTestServer } from "@/lib/github/test-server";
import { GithubClient, type GithubClientOptions } from "./client";
import { RateLimitExhaustedError } from "./client-errors";
import { PageSize } from "./pacing";
import { ISSUES_PAGE } from "./queries/items";

const repo = generateRepo({ owner: "acme", name: "client", seed: 5, issues: 120, pulls: 10, databaseId: 1901 });
let server: GitHubTestServer;
beforeAll(async () => {
  server = await startGitHubTestServer({ repos: [repo], rateLimit: { limit: 200 } });
});
afterAll(() => server.stop());
beforeEach(() => {
  server.stats.reset();
  server.setFaults({});
});

const client = (options: Partial<GithubClientOptions> = {}) =>
  new GithubClient({
    token: `token-${Math.random()}`,
    baseUrl: server.url,
    baseDelayMs: 1,
    maxDelayMs: 5,
    reserve: 0,
    ...options,
  });
type Issues = { repository: { issues: { nodes: { number: number }[] } } };
const vars = { owner: "acme", name: "client", after: null, since: null };

describe("GithubClient", () => {
  it("retries 502, 504, truncated JSON and secondary limits, honouring retry-after", async () => {
    server.setFaults({ next: ["502", "truncated-json", "504", "secondary-rate-limit"], retryAfterSeconds: 1 });
    const c = client();
    const started = Date.now();
    const data = await c.query<Issues>(ISSUES_PAGE, vars, { page: new PageSize(20) });
    expect(data.repository.issues.nodes).toHaveLength(5); // halved twice: 20 → 10 → 5
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(c.stats).toMatchObject({ requests: 5, retries: 4 });
    expect(server.stats.invalidQueries).toEqual([]);
  });

  it("halves the page on 502 until it fits, then grows it back", async () => {
    server.setFaults({ firstTooLarge: { maxNodes: 2500 } }); // 25 issues × 100 comments fit, 50 do not
    const page = new PageSize(100);
    const c = client();
    await c.query<Issues>(ISSUES_PAGE, vars, { page });
    expect(page.value).toBe(25);
    server.setFaults({});
    for (let i = 0; i < 3; i++) await c.query<Issues>(ISSUES_PAGE, vars, { page });
    expect(page.value).toBe(50);
  });

  it("sends one request at a time per token", async () => {
    server.setLatency(20);
    const c = client();
    await Promise.all(Array.from({ length: 6 }, () => c.query<Issues>(ISSUES_PAGE, { ...vars, first: 1 })));
    server.setLatency(0);
    expect(server.stats.maxConcurrent).toBe(1);
  });

  it("stops before dipping into the reserve, with the reset time", async () => {
    const reserve = server.rateLimiter.remaining - 3;
    const c = client({ reserve });
    const error = await (async () => {
      for (let i = 0; i < 10; i++) await c.query<Issues>(ISSUES_PAGE, { ...vars, first: 1 });
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitExhaustedError);
    expect((error as RateLimitExhaustedError).resetAt.getTime()).toBeGreaterThan(Date.now());
    expect(c.stats.requests).toBe(3);
    expect(server.rateLimiter.remaining).toBe(reserve);
  });

  it("keeps the token out of errors", async () => {
    const secret = "ghp_do_not_leak_me";
    const strict = await startGitHubTestServer({ repos: [repo], tokens: ["other"] });
    try {
      const error: unknown = await new GithubClient({ token: secret, baseUrl: strict.url })
        .query(ISSUES_PAGE, { ...vars, first: 1 })
        .catch((e: unknown) => e);
      expect(String(error)).toContain("401");
      expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(secret);
    } finally {
      await strict.stop();
    }
  });
});
