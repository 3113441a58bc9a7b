// Mutations are validated against GitHub's schema like queries, then change the generated data.
import { GraphqlResponseError } from "@octokit/graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateRepo } from "./generator";
import { type GitHubTestServer, startGitHubTestServer } from "./server";
import { octokitFor } from "./test-client";

const repo = generateRepo({ owner: "acme", name: "mutable", seed: 5, issues: 6, pulls: 2 });
let server: GitHubTestServer;
beforeAll(async () => {
  server = await startGitHubTestServer({ repos: [repo], readOnlyTokens: ["read-only"] });
});
afterAll(() => server.stop());

const issue = () => {
  const found = repo.items.find((i) => i.__typename === "Issue" && i.state === "OPEN");
  if (!found) throw new Error("fixture: no open issue");
  return found;
};
const label = (name: string) => repo.labels.find((l) => l.name === name)!;

describe("GraphQL mutations", () => {
  it("rejects a mutation the schema does not accept, and counts it", async () => {
    server.stats.reset();
    const error = await octokitFor(server)(
      `mutation Bad($id: ID!) { addLabelsToLabelable(input: { labelableId: $id, labelNames: ["bug"] }) { clientMutationId } }`,
      { id: issue().id },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphqlResponseError);
    expect(server.stats.invalidQueries).toHaveLength(1);
  });

  it("adds and removes labels with label events, comments as the token's user, closes an issue", async () => {
    const target = issue();
    const gql = octokitFor(server);
    await gql(
      `mutation Add($id: ID!, $labels: [ID!]!) { addLabelsToLabelable(input: { labelableId: $id, labelIds: $labels }) { labelable { ... on Issue { number } } } }`,
      { id: target.id, labels: [label("P2").id] },
    );
    expect(target.labels.map((l) => l.name)).toContain("P2");
    expect(target.events.at(-1)).toMatchObject({
      __typename: "LabeledEvent",
      label: { name: "P2" },
      actor: { login: "steward-test-bot" },
    });
    await gql(
      `mutation Remove($id: ID!, $labels: [ID!]!) { removeLabelsFromLabelable(input: { labelableId: $id, labelIds: $labels }) { clientMutationId } }`,
      { id: target.id, labels: [label("P2").id] },
    );
    expect(target.labels.map((l) => l.name)).not.toContain("P2");
    expect(target.events.at(-1)).toMatchObject({ __typename: "UnlabeledEvent", label: { name: "P2" } });
    const comment = await gql<{ addComment: { commentEdge: { node: { body: string; author: { login: string } } } } }>(
      `mutation C($id: ID!) { addComment(input: { subjectId: $id, body: "Any update?" }) { commentEdge { node { body author { login } } } } }`,
      { id: target.id },
    );
    expect(comment.addComment.commentEdge.node).toEqual({ body: "Any update?", author: { login: "steward-test-bot" } });
    expect(target.comments.at(-1)?.body).toBe("Any update?");
    const closed = await gql<{ closeIssue: { issue: { state: string; stateReason: string } } }>(
      `mutation X($id: ID!) { closeIssue(input: { issueId: $id, stateReason: NOT_PLANNED }) { issue { state stateReason } } }`,
      { id: target.id },
    );
    expect(closed.closeIssue.issue).toEqual({ state: "CLOSED", stateReason: "NOT_PLANNED" });
    expect(server.stats.invalidQueries).toHaveLength(1);
  });

  it("creates an issue as the token's user with the next number, visible to later queries", async () => {
    const gql = octokitFor(server);
    const next = repo.meta.nextNumber;
    const created = await gql<{ createIssue: { issue: { number: number; state: string; author: { login: string } } } }>(
      `mutation New($repo: ID!, $title: String!, $body: String) { createIssue(input: { repositoryId: $repo, title: $title, body: $body }) { issue { number state author { login } } } }`,
      { repo: repo.id, title: "Add a retry budget", body: "From the postmortem" },
    );
    expect(created.createIssue.issue).toEqual({ number: next, state: "OPEN", author: { login: "steward-test-bot" } });
    const read = await gql<{ repository: { issue: { title: string; body: string } } }>(
      `query Read($n: Int!) { repository(owner: "acme", name: "mutable") { issue(number: $n) { title body } } }`,
      { n: next },
    );
    expect(read.repository.issue).toEqual({ title: "Add a retry budget", body: "From the postmortem" });
    const blank = await gql(
      `mutation Blank($repo: ID!) { createIssue(input: { repositoryId: $repo, title: " " }) { issue { number } } }`,
      { repo: repo.id },
    ).catch((e: unknown) => e);
    expect((blank as GraphqlResponseError<unknown>).errors?.[0]?.message).toBe("Title can't be blank");
    const wrongType = await gql(
      `mutation Wrong($repo: String!) { createIssue(input: { repositoryId: $repo, title: "x" }) { issue { number } } }`,
      { repo: repo.id },
    ).catch((e: unknown) => e);
    expect(wrongType).toBeInstanceOf(GraphqlResponseError);
    expect(repo.meta.nextNumber).toBe(next + 1);
  });

  it("refuses mutations from a read-only token with FORBIDDEN and changes nothing", async () => {
    const target = repo.items.find((i) => i.__typename === "Issue" && i.state === "OPEN")!;
    const before = target.comments.length;
    const error = await octokitFor(server, "read-only")(
      `mutation C($id: ID!) { addComment(input: { subjectId: $id, body: "x" }) { clientMutationId } }`,
      { id: target.id },
    ).catch((e: unknown) => e);
    expect((error as GraphqlResponseError<unknown>).errors?.[0]).toMatchObject({
      type: "FORBIDDEN",
      message: "Resource not accessible by personal access token",
    });
    expect(target.comments.length).toBe(before);
    const items = repo.items.length;
    const refused = await octokitFor(server, "read-only")(
      `mutation New($repo: ID!) { createIssue(input: { repositoryId: $repo, title: "x" }) { issue { number } } }`,
      { repo: repo.id },
    ).catch((e: unknown) => e);
    expect((refused as GraphqlResponseError<unknown>).errors?.[0]).toMatchObject({ type: "FORBIDDEN" });
    expect(repo.items.length).toBe(items);
  });
});
