import { afterEach, describe, expect, it } from "vitest";
import { generateRepo } from "./generator";
import { type GitHubTestServer, startGitHubTestServer } from "./server";
import { octokitFor, postGraphQL } from "./test-client";

const repo = generateRepo({ owner: "acme", name: "widgets", seed: 9, issues: 150, pulls: 50 });
const QUERY = `{ repository(owner: "acme", name: "widgets") { issues(first: 10) { nodes { number } } } }`;
const nested = (issues: number, comments: number) =>
  `{ repository(owner: "acme", name: "widgets") { issues(first: ${issues}) { nodes { comments(first: ${comments}) { nodes { id } } } } } }`;

let server: GitHubTestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function statuses(count: number, query = QUERY): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await postGraphQL((server as GitHubTestServer).graphqlUrl, query)).status);
  return out;
}

describe("faults", () => {
  it("serves 502 and 504 HTML pages for the next N requests, then recovers", async () => {
    server = await startGitHubTestServer({ repos: [repo], faults: { next: ["502", { kind: "504", count: 2 }] } });
    const bad = await postGraphQL(server.graphqlUrl, QUERY);
    expect(bad.status).toBe(502);
    expect(bad.headers.get("content-type")).toContain("text/html");
    expect(bad.text).toContain("Unicorn!");
    const timeout = await postGraphQL(server.graphqlUrl, QUERY);
    expect(timeout.status).toBe(504);
    expect(timeout.text).toContain("couldn't respond to your request in time");
    expect(await statuses(2)).toEqual([504, 200]);
    expect(server.stats.requests.map((r) => r.fault)).toEqual(["502", "504", "504", null]);
    expect(server.stats.totalPoints).toBe(1);
  });

  it("signals a secondary rate limit with 403, GitHub's message and retry-after", async () => {
    server = await startGitHubTestServer({
      repos: [repo],
      faults: { next: ["secondary-rate-limit"], retryAfterSeconds: 42 },
    });
    const res = await postGraphQL(server.graphqlUrl, QUERY);
    expect(res.status).toBe(403);
    expect(res.headers.get("retry-after")).toBe("42");
    expect((res.json as { message: string }).message).toMatch(/^You have exceeded a secondary rate limit/);
    server.setFaults({ next: ["secondary-rate-limit"] });
    await expect(octokitFor(server)(QUERY)).rejects.toMatchObject({
      status: 403,
      response: { headers: { "retry-after": "60" } },
    });
    await expect(octokitFor(server)(QUERY)).resolves.toMatchObject({
      repository: { issues: { nodes: expect.any(Array) } },
    });
  });

  it("cuts a 200 JSON body mid-way so the client cannot parse it", async () => {
    server = await startGitHubTestServer({ repos: [repo], faults: { next: ["truncated-json"] } });
    const res = await postGraphQL(server.graphqlUrl, QUERY);
    expect(res.status).toBe(200);
    expect(res.json).toBeNull();
    expect(res.text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(res.text)).toThrow();
    // @octokit/request falls back to the raw text when JSON.parse fails, so @octokit/graphql
    // *resolves* with undefined instead of throwing: a sync must treat missing data as a failure.
    server.setFaults({ next: ["truncated-json"] });
    await expect(octokitFor(server)(QUERY)).resolves.toBeUndefined();
    await expect(octokitFor(server)(QUERY)).resolves.toMatchObject({
      repository: { issues: { nodes: expect.any(Array) } },
    });
  });

  it("draws probabilistic faults from a seed: the same seed fails the same requests", async () => {
    server = await startGitHubTestServer({
      repos: [repo],
      faults: { seed: 4, probability: { "502": 0.3, "504": 0.1 } },
    });
    const first = await statuses(40);
    server.setFaults({ seed: 4, probability: { "502": 0.3, "504": 0.1 } });
    const second = await statuses(40);
    expect(second).toEqual(first);
    expect(first.filter((s) => s === 502).length).toBeGreaterThan(3);
    expect(first.filter((s) => s === 504).length).toBeGreaterThan(0);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(15);
  });

  it("answers 502 when page size × nested page size is over the threshold, so halving the page helps", async () => {
    server = await startGitHubTestServer({ repos: [repo], faults: { firstTooLarge: { maxNodes: 2000 } } });
    expect(await statuses(1, nested(100, 50))).toEqual([502]);
    expect(await statuses(1, nested(50, 50))).toEqual([502]);
    expect(await statuses(1, nested(40, 50))).toEqual([200]);
    expect(server.stats.requests.map((r) => r.fault)).toEqual(["first-too-large", "first-too-large", null]);
  });

  it("adds the configured latency to every response", async () => {
    server = await startGitHubTestServer({ repos: [repo], latencyMs: 60 });
    const started = performance.now();
    await statuses(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    server.setLatency(0);
    expect(server.stats.requests.every((r) => r.durationMs >= 55)).toBe(true);
  });
});
