// Triage actions against the GitHub test server: every mutation validated against GitHub's schema,
// applied to the server's data, and mirrored in the database only once GitHub confirmed it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GithubClient } from "@/lib/github/client";
import { deleteItem, startGitHubTestServer } from "@/lib/github/test-server";
import { syncRepository } from "@/lib/github/sync/sync-repository";
import { type Harness, startHarness } from "@/lib/github/testing/harness";
import { VIEWER_PERMISSION } from "../graphql/mutations";
import { getTriageQueue } from "../queries";
import { DEFAULT_TRIAGE_CONFIG, TriageFilters } from "../schemas";
import { runTriageAction } from "./run";

let h: Harness;
const actor = { id: null, username: "maya", ip: "127.0.0.1" };
const fast = { baseDelayMs: 1, maxDelayMs: 5, perMinute: 1_000_000, reserve: 0 };

beforeAll(async () => {
  h = await startHarness({ name: "triage-actions", databaseId: 1931, seed: 7, issues: 24, pulls: 4 });
  await syncRepository(h.repoId, h.options());
});
afterAll(async () => h.stop());

async function openIssues(where: (labels: string[]) => boolean, count: number) {
  const items = await db.githubItem.findMany({
    where: { repoId: h.repoId, kind: "issue", state: "OPEN" },
    orderBy: { number: "asc" },
    select: { id: true, number: true, labels: { select: { label: { select: { name: true } } } } },
  });
  const found = items.filter((i) => where(i.labels.map((l) => l.label.name))).slice(0, count);
  if (found.length < count) throw new Error(`fixture: only ${found.length} matching open issues`);
  return found;
}
const run = (
  itemIds: string[],
  action: Parameters<typeof runTriageAction>[1]["action"],
  confirm = true,
  token = "test-token",
  baseUrl?: string,
) =>
  runTriageAction(
    { actor, clientOptions: { token, baseUrl: baseUrl ?? h.server.url, ...fast } },
    { itemIds, action, confirm },
  );
const serverItem = (number: number) => h.repo.items.find((i) => i.number === number);
const storedLabels = async (id: string) =>
  (await db.githubItemLabel.findMany({ where: { itemId: id }, select: { label: { select: { name: true } } } }))
    .map((l) => l.label.name)
    .sort();
const queuedRow = async (id: string) =>
  (
    await getTriageQueue({ now: new Date(), repositoryIds: [h.repoId] }, TriageFilters.parse({ tab: "all" }), 10_000)
  ).items.find((r) => r.id === id);
const noPriority = (labels: string[]) => !labels.some((l) => /^P[0-3]$/.test(l)) && !labels.includes("status-stale");

describe("triage actions against the GitHub test server", () => {
  it("previews exactly what will be sent, and sends nothing", async () => {
    const [issue] = await openIssues(noPriority, 1);
    const before = h.server.stats.requests.length;
    const report = await run([issue!.id], { kind: "set_priority", priority: "P1" }, false);
    expect(report).toMatchObject({ confirmed: false, results: [], error: null });
    expect(report.plan).toEqual([
      {
        itemId: issue!.id,
        ref: `acme/triage-actions#${issue!.number}`,
        steps: [{ op: "add_labels", labels: [{ id: expect.any(String), name: "P1" }] }],
        skipped: null,
      },
    ]);
    expect(h.server.stats.requests.length).toBe(before);
  });

  it("labels an untriaged issue P1 on GitHub and in the database at once, then P0 replaces P1", async () => {
    const [issue] = await openIssues(noPriority, 1);
    const started = new Date();
    expect(await queuedRow(issue!.id)).toMatchObject({ priority: null, clock: "triage" });
    const report = await run([issue!.id], { kind: "set_priority", priority: "P1" });
    expect(report).toMatchObject({
      confirmed: true,
      error: null,
      results: [{ done: ["addLabelsToLabelable: P1"], failed: null }],
    });
    expect(serverItem(issue!.number)?.labels.map((l) => l.name)).toContain("P1");
    expect(await storedLabels(issue!.id)).toContain("P1");
    const event = await db.githubItemEvent.findFirst({
      where: { itemId: issue!.id, kind: "labeled", label: "P1" },
      orderBy: { createdAt: "desc" },
    });
    expect(event).toMatchObject({ actorLogin: "steward-test-bot", actorType: "user" });
    // the stored queue (what the Triage page reads, built before the action) follows it at once
    expect(await queuedRow(issue!.id)).toMatchObject({ priority: "P1", clock: "response" });
    const again = await run([issue!.id], { kind: "set_priority", priority: "P0" });
    expect(again.results[0]?.done).toEqual(["addLabelsToLabelable: P0", "removeLabelsFromLabelable: P1"]);
    const labels = await storedLabels(issue!.id);
    expect(labels).toContain("P0");
    expect(labels).not.toContain("P1");
    expect(
      await db.auditLog.count({
        where: {
          action: "triage.labels_changed",
          target: `acme/triage-actions#${issue!.number}`,
          at: { gte: started },
        },
      }),
    ).toBe(2);
  });

  it("comments and runs the stale procedure (ask, then close with status-stale)", async () => {
    const [issue] = await openIssues(noPriority, 1);
    const commented = await run([issue!.id], { kind: "stale_ask" });
    expect(commented.error).toBeNull();
    const last = serverItem(issue!.number)?.comments.at(-1);
    expect(last?.body).toBe(DEFAULT_TRIAGE_CONFIG.staleComment);
    expect(await db.githubComment.findUnique({ where: { id: last!.id } })).toMatchObject({
      body: DEFAULT_TRIAGE_CONFIG.staleComment,
      authorLogin: "steward-test-bot",
    });
    const closed = await run([issue!.id], { kind: "stale_close" });
    expect(closed.results[0]?.done).toEqual(["addLabelsToLabelable: status-stale", "closeIssue (not planned)"]);
    expect(serverItem(issue!.number)).toMatchObject({ state: "CLOSED", stateReason: "NOT_PLANNED" });
    expect(await db.githubItem.findUnique({ where: { id: issue!.id } })).toMatchObject({
      state: "CLOSED",
      stateReason: "NOT_PLANNED",
    });
    expect(await storedLabels(issue!.id)).toContain("status-stale");
  });

  it("reports a token without write access clearly and changes nothing", async () => {
    const readOnly = await startGitHubTestServer({ repos: [h.repo], readOnlyTokens: ["ro-token"] });
    try {
      const [issue] = await openIssues(noPriority, 1);
      const report = await run(
        [issue!.id],
        { kind: "comment", body: "Can you share reproduction steps?" },
        true,
        "ro-token",
        readOnly.url,
      );
      expect(report.error).toContain("This token can read but not write issues in acme/triage-actions");
      expect(report.results).toEqual([
        {
          ref: `acme/triage-actions#${issue!.number}`,
          done: [],
          failed: {
            step: "addComment: Can you share reproduction steps?",
            message: expect.stringContaining("can read but not write"),
          },
        },
      ]);
      expect(
        await db.githubComment.count({ where: { itemId: issue!.id, body: "Can you share reproduction steps?" } }),
      ).toBe(0);
      const permission = (token: string) =>
        new GithubClient({ token, baseUrl: readOnly.url, ...fast }).query<{ repository: { viewerPermission: string } }>(
          VIEWER_PERMISSION,
          { owner: "acme", name: "triage-actions" },
        );
      expect((await permission("ro-token")).repository.viewerPermission).toBe("READ");
      expect((await permission("rw-token")).repository.viewerPermission).toBe("ADMIN");
    } finally {
      await readOnly.stop();
    }
  });

  it("stops a bulk at a GitHub error and reports what was done, what failed and what was not attempted", async () => {
    const [a, b, c] = await openIssues(noPriority, 3);
    deleteItem(h.repo, b!.number, new Date()); // gone on GitHub, still stored until the next sync
    const report = await run([a!.id, b!.id, c!.id], { kind: "labels", add: ["bug"], remove: [] });
    expect(report.results.map((r) => [r.ref.split("#")[1], r.done.length, r.failed?.message ?? null])).toEqual([
      [String(a!.number), 1, null],
      [String(b!.number), 0, expect.stringContaining("no longer has this item")],
    ]);
    expect(report.notAttempted).toEqual([`acme/triage-actions#${c!.number}`]);
    expect(await storedLabels(a!.id)).toContain("bug");
    expect(await storedLabels(b!.id)).not.toContain("bug");
    expect(await storedLabels(c!.id)).not.toContain("bug");
  });

  it("sent only queries and mutations GitHub's schema accepts", () => {
    expect(h.server.stats.invalidQueries).toEqual([]);
  });
});
