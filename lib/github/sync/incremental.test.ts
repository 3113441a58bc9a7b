// Incremental syncs: after 100 items change in a 20k-item repository, only those are fetched, in
// at most 3 requests; transferred and deleted issues are marked by the backstop, not left open.
// 20,000 items on PostgreSQL; the run on embedded PGlite (the same queries again) syncs 4,000, where 100
// changes are still a small share, as a 20,000-item backfill through its one connection is a minute of CI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeIssue, deleteItem, generateRepo, touchItems, transferItem } from "@/lib/github/test-server";
import { testDatabaseKind } from "@/lib/testing/databases";
import { type Harness, startHarness } from "../testing/harness";
import { syncRepository } from "./sync-repository";

const ITEMS = testDatabaseKind() === "postgres" ? 20_000 : 4_000;
let h: Harness;
let backfillMs = 0;
const other = generateRepo({ owner: "acme", name: "elsewhere", seed: 2, issues: 1, pulls: 0, databaseId: 1302 });
beforeAll(async () => {
  h = await startHarness(
    {
      name: "incremental",
      databaseId: 1301,
      seed: 21,
      issues: (ITEMS * 3) / 4,
      pulls: ITEMS / 4,
      historyCommits: 50,
      releases: 10,
      alerts: 10,
    },
    { otherRepos: [other] },
  );
  const started = Date.now();
  const result = await syncRepository(h.repoId, h.options());
  backfillMs = Date.now() - started;
  expect(result.status).toBe("succeeded");
}, 600_000);
afterAll(() => h.stop());

const later = (hours: number) =>
  new Date(Date.parse(h.repo.meta.now) + hours * 3_600_000).toISOString().replace(".000Z", "Z");

describe(`incremental sync of a ${ITEMS / 1000}k-item repository`, () => {
  it("backfilled everything", async () => {
    console.log(
      `[github sync] backfill of ${ITEMS.toLocaleString("en")} items: ${(backfillMs / 1000).toFixed(1)} s, ${h.server.stats.requests.length} requests, ${h.server.stats.totalPoints} points`,
    );
    expect(await db.githubItem.count({ where: { repoId: h.repoId } })).toBe(ITEMS);
    expect(h.server.stats.invalidQueries).toEqual([]);
  });

  it("fetches only the 100 changed items, in at most 3 requests", async () => {
    const picked = h.repo.items.filter((_, i) => i % (ITEMS / 100) === 17).map((i) => i.number);
    expect(picked).toHaveLength(100);
    const at = later(1);
    const touched = touchItems(h.repo, picked, at);
    h.server.stats.reset();
    const result = await syncRepository(h.repoId, h.options());
    expect(result.status).toBe("succeeded");
    expect(h.server.stats.requests.length).toBeLessThanOrEqual(3);
    expect(h.server.stats.invalidQueries).toEqual([]);
    expect(result.progress).toMatchObject({ changed: 100 });
    const stored = await db.githubItem.findMany({
      where: { repoId: h.repoId, updatedAt: new Date(at) },
      include: { _count: { select: { comments: true } } },
    });
    expect(stored.map((i) => i.number).sort((a, b) => a - b)).toEqual([...picked].sort((a, b) => a - b));
    for (const item of stored) {
      const source = touched.find((t) => t.number === item.number)!;
      expect([item.number, item._count.comments, item.commentCount]).toEqual([
        item.number,
        source.comments.length,
        source.comments.length,
      ]);
    }
  });

  it("marks transferred and deleted issues in the backstop, and catches what the walks missed", async () => {
    const issues = h.repo.items.filter((i) => i.__typename === "Issue" && i.state === "OPEN");
    const [moved, gone, closed, missed] = issues;
    transferItem(h.repo, moved!.number, other, later(2));
    deleteItem(h.repo, gone!.number, later(2));
    closeIssue(h.repo, closed!.number, later(2));
    // A change the walks could not see: the stored copy is wrong but older than the watermark.
    await db.githubItem.update({
      where: { id: missed!.id },
      data: { title: "stale", updatedAt: new Date(Date.parse(missed!.updatedAt) - 1000) },
    });
    const result = await syncRepository(h.repoId, h.options({ backstop: true }));
    expect(result.status).toBe("succeeded");
    expect(h.server.stats.invalidQueries).toEqual([]);
    const rows = await db.githubItem.findMany({ where: { id: { in: [moved!.id, gone!.id, closed!.id, missed!.id] } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(moved!.id)).toMatchObject({
      state: "TRANSFERRED",
      removedReason: "transferred",
      transferredTo: "acme/elsewhere",
    });
    expect(byId.get(gone!.id)).toMatchObject({ state: "DELETED", removedReason: "deleted" });
    expect(byId.get(closed!.id)).toMatchObject({ state: "CLOSED", removedAt: null });
    expect(byId.get(missed!.id)).toMatchObject({
      title: missed!.title.replaceAll("\u0000", ""),
      updatedAt: new Date(missed!.updatedAt),
    });
    expect(await db.githubItem.count({ where: { repoId: h.repoId, state: "OPEN" } })).toBe(
      h.repo.items.filter((i) => i.state === "OPEN").length,
    );
  });
});
