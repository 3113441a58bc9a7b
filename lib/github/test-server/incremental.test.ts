import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateRepo } from "./generator";
import { itemsUpdatedSince } from "./ground-truth";
import { deleteItem, touchItems, transferItem } from "./mutations";
import { DAY } from "./random";
import { type GitHubTestServer, startGitHubTestServer } from "./server";
import { octokitFor, postGraphQL } from "./test-client";

const repo = generateRepo({ owner: "acme", name: "widgets", seed: 11, issues: 1500, pulls: 500 });
const other = generateRepo({ owner: "acme", name: "gadgets", seed: 12, issues: 20, pulls: 0 });
const NOW = Date.parse(repo.meta.now);
let server: GitHubTestServer;
beforeAll(async () => {
  server = await startGitHubTestServer({ repos: [repo, other] });
});
afterAll(() => server.stop());

interface Item {
  number: number;
  updatedAt: string;
}
interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Item[];
}

const ISSUES_SINCE = `query($since: DateTime, $cursor: String) { repository(owner: "acme", name: "widgets") {
  issues(first: 100, after: $cursor, filterBy: { since: $since }, orderBy: { field: UPDATED_AT, direction: ASC }) { totalCount pageInfo { hasNextPage endCursor } nodes { number updatedAt } } } }`;
const PULLS_DESC = `query($cursor: String) { repository(owner: "acme", name: "widgets") {
  pullRequests(first: 100, after: $cursor, orderBy: { field: UPDATED_AT, direction: DESC }) { pageInfo { hasNextPage endCursor } nodes { number updatedAt } } } }`;

async function issuesSince(since: string): Promise<Item[]> {
  const out: Item[] = [];
  for (let cursor: string | null = null, more = true; more;) {
    const r: { repository: { issues: Page } } = await octokitFor(server)(ISSUES_SINCE, { since, cursor });
    out.push(...r.repository.issues.nodes);
    ({ hasNextPage: more, endCursor: cursor } = r.repository.issues.pageInfo);
  }
  return out;
}

/** The PR strategy without filterBy: newest first, stop at the first PR older than the watermark. */
async function pullsUpdatedSince(since: string): Promise<Item[]> {
  const out: Item[] = [];
  for (let cursor: string | null = null; ;) {
    const r: { repository: { pullRequests: Page } } = await octokitFor(server)(PULLS_DESC, { cursor });
    const page = r.repository.pullRequests;
    const fresh = page.nodes.filter((p) => p.updatedAt >= since);
    out.push(...fresh);
    if (fresh.length < page.nodes.length || !page.pageInfo.hasNextPage) return out;
    cursor = page.pageInfo.endCursor;
  }
}

const numbers = (items: { number: number }[]) => items.map((i) => i.number).sort((a, b) => a - b);

describe("incremental sync support", () => {
  it("filterBy.since returns exactly the issues updated since, in UPDATED_AT order", async () => {
    const since = new Date(NOW - 20 * DAY).toISOString();
    const got = await issuesSince(since);
    const expected = itemsUpdatedSince(repo, since, "Issue");
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(1500);
    expect(numbers(got)).toEqual(numbers(expected));
    expect(got.map((i) => i.updatedAt)).toEqual([...got.map((i) => i.updatedAt)].sort());
  });

  it("orders pull requests by UPDATED_AT DESC across pages", async () => {
    const all: Item[] = [];
    for (let cursor: string | null = null, more = true; more;) {
      const r: { repository: { pullRequests: Page } } = await octokitFor(server)(PULLS_DESC, { cursor });
      all.push(...r.repository.pullRequests.nodes);
      ({ hasNextPage: more, endCursor: cursor } = r.repository.pullRequests.pageInfo);
    }
    expect(all).toHaveLength(500);
    expect(new Set(all.map((p) => p.number)).size).toBe(500);
    expect(all.map((p) => p.updatedAt)).toEqual([...all.map((p) => p.updatedAt)].sort().reverse());
  });

  it("pages backwards with last/before and rejects cursors it did not issue", async () => {
    const query = `query($before: String) { repository(owner: "acme", name: "widgets") {
      issues(last: 10, before: $before) { pageInfo { hasPreviousPage startCursor } nodes { number } } } }`;
    type Back = {
      repository: {
        issues: { pageInfo: { hasPreviousPage: boolean; startCursor: string }; nodes: { number: number }[] };
      };
    };
    const issueNumbers = repo.items.filter((i) => i.__typename === "Issue").map((i) => i.number);
    const last: Back = await octokitFor(server)(query, { before: null });
    expect(last.repository.issues.nodes.map((n) => n.number)).toEqual(issueNumbers.slice(-10));
    const previous: Back = await octokitFor(server)(query, { before: last.repository.issues.pageInfo.startCursor });
    expect(previous.repository.issues.nodes.map((n) => n.number)).toEqual(issueNumbers.slice(-20, -10));
    expect(previous.repository.issues.pageInfo.hasPreviousPage).toBe(true);
    const bad = await postGraphQL(server.graphqlUrl, query, { before: "bm90LWEtY3Vyc29y" });
    expect(bad.json).toMatchObject({
      errors: [{ type: "INVALID_CURSOR_ARGUMENTS", message: "`before` does not appear to be a valid cursor." }],
    });
  });

  it("after touchItems of 100 items, a since-query returns exactly those", async () => {
    const touchedAt = new Date(NOW + 3_600_000).toISOString().replace(".000Z", "Z");
    const picked = repo.items
      .filter((_, i) => i % 20 === 7)
      .slice(0, 100)
      .map((i) => i.number);
    expect(picked).toHaveLength(100);
    const before = repo.items.find((i) => i.number === picked[1]);
    const commentsBefore = before?.commentCount ?? 0;
    touchItems(repo, picked, touchedAt);
    const issues = await issuesSince(touchedAt);
    const pulls = await pullsUpdatedSince(touchedAt);
    expect(numbers([...issues, ...pulls])).toEqual([...picked].sort((a, b) => a - b));
    expect(issues.every((i) => i.updatedAt === touchedAt)).toBe(true);
    const res = await postGraphQL(
      server.graphqlUrl,
      `{ repository(owner: "acme", name: "widgets") { issueOrPullRequest(number: ${picked[1]}) { ... on Issue { comments(last: 1) { totalCount nodes { createdAt } } } ... on PullRequest { comments(last: 1) { totalCount nodes { createdAt } } } } } }`,
    );
    expect(res.json).toEqual({
      data: {
        repository: {
          issueOrPullRequest: { comments: { totalCount: commentsBefore + 1, nodes: [{ createdAt: touchedAt }] } },
        },
      },
    });
  });

  it("transferred and deleted issues disappear from the source; the transferred one keeps its node id", async () => {
    const [moved, gone] = repo.items.filter((i) => i.__typename === "Issue").slice(0, 2);
    if (!moved || !gone) throw new Error("need two issues");
    const at = new Date(NOW + 7_200_000);
    const movedFrom = moved.number;
    const target = transferItem(repo, movedFrom, other, at);
    deleteItem(repo, gone.number, at);
    expect(target.number).toBe(21);
    const res = await postGraphQL(
      server.graphqlUrl,
      `query($id: ID!) {
      a: repository(owner: "acme", name: "widgets") { issue(number: ${movedFrom}) { id } }
      b: repository(owner: "acme", name: "gadgets") { issue(number: 21) { id number timelineItems(last: 1, itemTypes: [TRANSFERRED_EVENT]) { nodes { ... on TransferredEvent { fromRepository { nameWithOwner } } } } } }
      node(id: $id) { ... on Issue { number repository { nameWithOwner } } } }`,
      { id: moved.id },
    );
    const body = res.json as { data: Record<string, unknown>; errors: { type: string; path: string[] }[] };
    expect(body.errors).toEqual([expect.objectContaining({ type: "NOT_FOUND", path: ["a", "issue"] })]);
    expect(body.data.b).toEqual({
      issue: {
        id: moved.id,
        number: 21,
        timelineItems: { nodes: [{ fromRepository: { nameWithOwner: "acme/widgets" } }] },
      },
    });
    expect(body.data.node).toEqual({ number: 21, repository: { nameWithOwner: "acme/gadgets" } });
    expect(repo.tombstones.map((t) => [t.number, t.reason])).toEqual([
      [movedFrom, "transferred"],
      [gone.number, "deleted"],
    ]);
    expect(numbers(await issuesSince(at.toISOString()))).toEqual([]);
  });
});
