// Postmortem action items → GitHub issues against the GitHub test server (every mutation validated
// against GitHub's schema): once per item however often it is clicked, refused clearly for a
// read-only token, recovered without a duplicate when GitHub's answer was lost, tracked after a sync.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { closeIssue, startGitHubTestServer } from "@/lib/github/test-server";
import { syncRepository } from "@/lib/github/sync/sync-repository";
import { type Harness, startHarness } from "@/lib/github/testing/harness";
import { savePostmortem } from "../lifecycle/edit";
import { testActor, testIncident } from "../test-kit";
import { createActionItemIssue } from "./create-issue";
import { getActionItemIssues } from "./queries";
import { PostmortemInput } from "../schemas";

let h: Harness;
const fast = { baseDelayMs: 1, maxDelayMs: 5, perMinute: 1_000_000, reserve: 0 };
const T0 = new Date("2026-11-30T10:00:00.000Z");

beforeAll(async () => {
  h = await startHarness({ name: "postmortem-issues", databaseId: 1951, seed: 11, issues: 6, pulls: 2 });
  await syncRepository(h.repoId, h.options());
});
afterAll(async () => h.stop());

async function incidentWithItems(items: string[]) {
  const actor = await testActor("maintainer");
  const incident = await testIncident(actor, { repositories: ["acme/postmortem-issues"] });
  await savePostmortem(
    { actor },
    incident.id,
    PostmortemInput.parse({ summary: "s", actionItems: items.map((text) => ({ text })) }),
  );
  return { actor, incident };
}
const created = () => h.server.stats.requests.filter((r) => r.operationName === "ActionItemCreateIssue");
const serverIssues = (title: string) => h.repo.items.filter((i) => i.__typename === "Issue" && i.title === title);
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) =>
      e instanceof ApiError ? { status: e.status, message: e.message } : { status: 0, message: String(e) },
  );

describe("postmortem action item → GitHub issue", () => {
  it("creates the issue once, links it, audits it, and a second click returns the same issue", async () => {
    const { actor, incident } = await incidentWithItems(["Alert on queue depth", "Add a retry budget"]);
    const ctx = { actor, now: T0, clientOptions: { token: "test-token", baseUrl: h.server.url, ...fast } };
    const before = created().length;
    const first = await createActionItemIssue(ctx, incident.id, { item: 1, repository: "acme/postmortem-issues" });
    expect(first).toMatchObject({ created: true, repository: "acme/postmortem-issues" });
    const [onGithub] = serverIssues("Add a retry budget");
    expect(onGithub).toMatchObject({ number: first.number, author: { login: "steward-test-bot" } });
    expect(onGithub!.body).toContain("Action item from the postmortem of the incident");
    const again = await createActionItemIssue(ctx, incident.id, { item: 1, repository: "acme/postmortem-issues" });
    expect(again).toEqual({ ...first, created: false });
    expect(created().length - before).toBe(1);
    expect(serverIssues("Add a retry budget")).toHaveLength(1);
    expect(
      await db.auditLog.count({
        where: {
          action: "incident.action_item_issue_created",
          target: `acme/postmortem-issues#${first.number}`,
          // this test's own actor: a database reused across runs holds earlier runs' rows for the same number
          actorId: actor.id,
        },
      }),
    ).toBe(1);
    const event = await db.incidentEvent.findFirst({ where: { incidentId: incident.id, source: "github" } });
    expect(event?.body).toBe(`GitHub issue acme/postmortem-issues#${first.number} created for an action item`);

    // A later sync stores the issue; closing it on GitHub shows as closed after the next one.
    expect((await getActionItemIssues(incident.id)).links).toEqual([
      expect.objectContaining({ itemText: "Add a retry budget", number: first.number, status: "created", state: null }),
    ]);
    await syncRepository(h.repoId, h.options());
    expect((await getActionItemIssues(incident.id)).links[0]).toMatchObject({ state: "OPEN", closedAt: null });
    // GitHub's times have whole seconds, and the sync skips an item whose updatedAt it already holds:
    // close it in a later second than the one it was created in, as a person would.
    closeIssue(h.repo, first.number, new Date(Date.now() + 2_000));
    await syncRepository(h.repoId, h.options());
    expect((await getActionItemIssues(incident.id)).links[0]).toMatchObject({ state: "CLOSED" });
    expect((await getActionItemIssues(incident.id)).repositories[0]).toBe("acme/postmortem-issues");
  });

  it("eight people clicking at once make exactly one issue", async () => {
    const { actor, incident } = await incidentWithItems(["Page the secondary on-call"]);
    const ctx = { actor, now: T0, clientOptions: { token: "test-token", baseUrl: h.server.url, ...fast } };
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        createActionItemIssue(ctx, incident.id, { item: 0, repository: "acme/postmortem-issues" }).then(
          (r) => ({ ok: r.created, number: r.number, status: r.created ? 201 : 200 }),
          (e: ApiError) => ({ ok: false, number: null, status: e.status }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.every((r) => r.status === 201 || r.status === 200 || r.status === 409)).toBe(true);
    expect(serverIssues("Page the secondary on-call")).toHaveLength(1);
    expect(await db.incidentActionItemIssue.count({ where: { incidentId: incident.id } })).toBe(1);
  });

  it("says clearly when the token may not create issues, and releases the claim", async () => {
    const readOnly = await startGitHubTestServer({ repos: [h.repo], readOnlyTokens: ["ro-token"] });
    try {
      const { actor, incident } = await incidentWithItems(["Document the failover"]);
      const error = await failure(
        createActionItemIssue(
          { actor, now: T0, clientOptions: { token: "ro-token", baseUrl: readOnly.url, ...fast } },
          incident.id,
          { item: 0, repository: "acme/postmortem-issues" },
        ),
      );
      expect(error).toEqual({
        status: 403,
        message: expect.stringContaining("may read but not create issues in acme/postmortem-issues"),
      });
      expect(serverIssues("Document the failover")).toHaveLength(0);
      expect(await db.incidentActionItemIssue.count({ where: { incidentId: incident.id } })).toBe(0);
      const ok = await createActionItemIssue(
        { actor, now: T0, clientOptions: { token: "test-token", baseUrl: h.server.url, ...fast } },
        incident.id,
        { item: 0, repository: "acme/postmortem-issues" },
      );
      expect(ok.created).toBe(true);
    } finally {
      await readOnly.stop();
    }
  });

  it("when GitHub's answer is lost, a retry finds the issue by its marker instead of creating another", async () => {
    const { actor, incident } = await incidentWithItems(["Shorten the DNS TTL"]);
    const opts = { token: "test-token", baseUrl: h.server.url, ...fast };
    h.server.setFaults({ next: ["truncated-json"] });
    const lost = await failure(
      createActionItemIssue({ actor, now: T0, clientOptions: opts }, incident.id, {
        item: 0,
        repository: "acme/postmortem-issues",
      }),
    );
    h.server.setFaults({});
    expect(lost).toEqual({ status: 503, message: expect.stringContaining("not known whether the issue was created") });
    expect(serverIssues("Shorten the DNS TTL")).toHaveLength(1); // GitHub did create it
    const soon = await failure(
      createActionItemIssue({ actor, now: new Date(T0.getTime() + 30_000), clientOptions: opts }, incident.id, {
        item: 0,
        repository: "acme/postmortem-issues",
      }),
    );
    expect(soon).toMatchObject({ status: 409 });
    const later = await createActionItemIssue(
      { actor, now: new Date(T0.getTime() + 3 * 60_000), clientOptions: opts },
      incident.id,
      { item: 0, repository: "acme/postmortem-issues" },
    );
    expect(serverIssues("Shorten the DNS TTL")).toHaveLength(1);
    expect(later).toMatchObject({ created: true, number: serverIssues("Shorten the DNS TTL")[0]!.number });
  });

  it("refuses an unknown action item and an unsynced repository", async () => {
    const { actor, incident } = await incidentWithItems(["x"]);
    const ctx = { actor, now: T0, clientOptions: { token: "test-token", baseUrl: h.server.url, ...fast } };
    expect(
      await failure(createActionItemIssue(ctx, incident.id, { item: 3, repository: "acme/postmortem-issues" })),
    ).toMatchObject({ status: 404 });
    expect(
      await failure(createActionItemIssue(ctx, incident.id, { item: 0, repository: "acme/elsewhere" })),
    ).toMatchObject({ status: 422, message: expect.stringContaining("not a synced repository") });
  });

  it("sent only queries and mutations GitHub's schema accepts", () => {
    expect(h.server.stats.invalidQueries).toEqual([]);
  });
});
