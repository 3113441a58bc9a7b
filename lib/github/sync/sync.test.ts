// A generated repository synced into the database must match the generator's ground truth
// exactly, with every query one GitHub accepts; a second run changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groundTruth, type RepoTruth } from "@/lib/github/test-server";
import { dumpRepository } from "../testing/dump";
import { type Harness, startHarness } from "../testing/harness";
import { expectedItems, expectedRepo, storedItems, storedRepo } from "../testing/truth";
import { db } from "@/lib/db";
import { syncRepository } from "./sync-repository";

let h: Harness;
let truth: RepoTruth;
beforeAll(async () => {
  h = await startHarness({
    name: "truth",
    databaseId: 1101,
    seed: 3,
    issues: 160,
    pulls: 90,
    historyCommits: 30,
    releases: 12,
    alerts: 15,
  });
  truth = groundTruth(h.repo);
});
afterAll(() => h.stop());

describe("syncRepository", () => {
  it("stores exactly the generator's ground truth", async () => {
    // The data covers what makes syncs go wrong.
    const items = truth.items;
    expect(items.some((i) => i.commentCount > 100)).toBe(true);
    expect(items.some((i) => i.author === null)).toBe(true);
    expect(items.some((i) => i.author?.type === "Bot")).toBe(true);
    expect(items.some((i) => i.pull?.isDraft)).toBe(true);
    expect(items.some((i) => i.reopenedCount > 0)).toBe(true);
    expect(items.some((i) => i.labelEvents.some((e) => e.action === "unlabeled"))).toBe(true);
    expect(items.some((i) => i.body.includes("\u0000"))).toBe(true);
    expect(items.some((i) => (i.pull?.failedCheckRuns.length ?? 0) > 0)).toBe(true);

    const progress: number[] = [];
    const result = await syncRepository(h.repoId, h.options({ onProgress: (p) => void progress.push(p.items) }));
    expect(result).toMatchObject({ status: "succeeded" });
    expect(h.server.stats.invalidQueries).toEqual([]);
    expect(progress.at(-1)).toBe(250);

    expect(await storedItems(h.repoId)).toEqual(expectedItems(truth));
    expect(await storedRepo(h.repoId)).toEqual(expectedRepo(truth));
    expect(await db.githubCommit.count({ where: { repoId: h.repoId } })).toBe(truth.defaultBranchCommits);
    const run = await db.githubSyncRun.findUniqueOrThrow({ where: { id: result.runId! } });
    expect(run).toMatchObject({
      status: "succeeded",
      items: 250,
      changed: 250,
      requests: h.server.stats.requests.length,
    });
    expect(run.pointsUsed).toBe(h.server.stats.totalPoints);
  });

  it("changes nothing when run again", async () => {
    const before = await dumpRepository(h.repoId);
    h.server.stats.reset();
    const result = await syncRepository(h.repoId, h.options());
    expect(result.status).toBe("succeeded");
    expect(result.progress?.changed).toBe(0);
    expect(h.server.stats.invalidQueries).toEqual([]);
    expect(await dumpRepository(h.repoId)).toEqual(before);
  });

  it("carries on when a PR or commit whose CI is re-checked no longer exists", async () => {
    const commit = await db.githubCommit.findFirstOrThrow({ where: { repoId: h.repoId } });
    await db.githubCommit.create({
      data: { ...commit, oid: "0".repeat(40), nodeId: "C_gone", checkState: "PENDING", committedDate: new Date() },
    });
    h.server.stats.reset();
    expect((await syncRepository(h.repoId, h.options())).status).toBe("succeeded");
    expect(h.server.stats.requests[0]?.errorTypes).toEqual(["NOT_FOUND"]);
  });

  it("never moves an item back in time (a newer copy written meanwhile wins)", async () => {
    const item = truth.items[5]!;
    const future = new Date(Date.parse(item.updatedAt) + 3_600_000);
    await db.githubItem.update({
      where: { id: item.id },
      data: { title: "written by a webhook meanwhile", updatedAt: future },
    });
    expect((await syncRepository(h.repoId, h.options())).status).toBe("succeeded");
    expect(await db.githubItem.findUnique({ where: { id: item.id } })).toMatchObject({
      title: "written by a webhook meanwhile",
      updatedAt: future,
    });
  });
});
