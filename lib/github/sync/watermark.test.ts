// The PR watermark advances and is used: after a backfill, syncs with no change make the fewest
// requests and leave the stored cursor rows as they were; one changed PR moves only its watermark;
// a change in the same second as the last read (GitHub's times have whole seconds) is not missed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { touchItems } from "@/lib/github/test-server";
import { type Harness, startHarness } from "../testing/harness";
import { syncRepository } from "./sync-repository";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    name: "watermark",
    databaseId: 1501,
    seed: 5,
    issues: 150,
    pulls: 250,
    historyCommits: 5,
    releases: 1,
    alerts: 1,
  });
  expect((await syncRepository(h.repoId, h.options())).status).toBe("succeeded");
}, 300_000);
afterAll(() => h.stop());

const cursors = async () =>
  Object.fromEntries(
    (await db.githubSyncCursor.findMany({ where: { repoId: h.repoId } })).map((c) => [
      c.resource,
      { watermark: c.watermark?.toISOString() ?? null, cursor: c.cursor, walkTop: c.walkTop },
    ]),
  );
const newestPull = () =>
  h.repo.items
    .filter((i) => i.__typename === "PullRequest")
    .reduce((a, b) => (Date.parse(a.updatedAt) > Date.parse(b.updatedAt) ? a : b));

describe("the pull-request watermark", () => {
  it("is stored after the backfill: the newest PR's update time, no walk left open", async () => {
    const stored = await cursors();
    expect(stored.pulls).toEqual({
      watermark: new Date(newestPull().updatedAt).toISOString(),
      cursor: null,
      walkTop: null,
    });
  });

  it("makes two consecutive syncs without changes use the fewest requests, cursor rows unchanged", async () => {
    const before = await cursors();
    for (const round of [1, 2]) {
      h.server.stats.reset();
      const result = await syncRepository(h.repoId, h.options());
      expect(result.status, `round ${round}`).toBe("succeeded");
      expect(result.progress, `round ${round}`).toMatchObject({ changed: 0 });
      // The fewest this design can make: the overview, one issues page since the issues watermark,
      // and one page of PRs newest-first that already reaches the PR watermark (250 PRs = 5 pages without it).
      const requests = h.server.stats.requests;
      expect(
        requests.map((r) => r.operationName),
        `round ${round}`,
      ).toEqual(["RepoOverview", "IssuesPage", "PullsPage"]);
      expect(requests[1]!.variables?.since, `round ${round}`).toBe(before.issues!.watermark);
      expect(requests[2]!.variables?.after, `round ${round}`).toBeNull();
      expect(await cursors(), `round ${round}`).toEqual(before);
    }
  });

  it("advances to a changed PR's update time and fetches only it", async () => {
    const pull = h.repo.items.filter((i) => i.__typename === "PullRequest")[7]!;
    const at = new Date(Date.parse(newestPull().updatedAt) + 3_600_000).toISOString().replace(".000Z", "Z");
    touchItems(h.repo, [pull.number], at);
    const before = await cursors();
    h.server.stats.reset();
    const result = await syncRepository(h.repoId, h.options());
    expect(result.progress).toMatchObject({ changed: 1 });
    expect(h.server.stats.requests.filter((r) => r.operationName === "PullsPage")).toHaveLength(1);
    const after = await cursors();
    expect(after.pulls).toEqual({ watermark: new Date(at).toISOString(), cursor: null, walkTop: null });
    expect(after.issues).toEqual(before.issues);
  });

  it("stores a change made in the same second as the last read, then rewrites nothing", async () => {
    const issue = h.repo.items.filter((i) => i.__typename === "Issue")[3]!;
    const pull = h.repo.items.filter((i) => i.__typename === "PullRequest")[11]!;
    const newest = Math.max(...h.repo.items.map((i) => Date.parse(i.updatedAt)));
    const at = new Date(newest + 3_600_000).toISOString().replace(".000Z", "Z");
    touchItems(h.repo, [issue.number, pull.number], at, { kind: "bump" });
    expect((await syncRepository(h.repoId, h.options())).progress).toMatchObject({ changed: 2 });

    // A comment on each, within the same second: `updatedAt` stays what the last sync read.
    touchItems(h.repo, [issue.number, pull.number], at, { kind: "comment" });
    expect(issue.updatedAt).toBe(at);
    const comments = (id: string) => db.githubComment.count({ where: { itemId: id } });
    const stored = { issue: await comments(issue.id), pull: await comments(pull.id) };
    const result = await syncRepository(h.repoId, h.options());
    expect(result.progress).toMatchObject({ changed: 2 });
    expect(await comments(issue.id)).toBe(stored.issue + 1);
    expect(await comments(pull.id)).toBe(stored.pull + 1);
    expect(await comments(issue.id)).toBe(issue.comments.length);

    const again = await syncRepository(h.repoId, h.options());
    expect(again.progress).toMatchObject({ changed: 0 });
  });
});
