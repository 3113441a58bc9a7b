// Default-branch history for the reporting horizon (STEWARD_GITHUB_HISTORY_DAYS, 400 days), not
// only the newest 100 commits. The repository's full label list (labels no item carries included) and every milestone are
// stored as records by the repository-overview step, without an extra request on small repositories.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { type Harness, startHarness } from "../testing/harness";
import { syncRepository } from "./sync-repository";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    name: "catalog",
    databaseId: 1951,
    seed: 23,
    issues: 40,
    pulls: 10,
    historyCommits: 400,
    now: new Date().toISOString(),
  });
  expect((await syncRepository(h.repoId, h.options())).status).toBe("succeeded");
}, 120_000);
afterAll(() => h.stop());

describe("labels and milestones", () => {
  it("stores every label of the repository, used or not", async () => {
    const stored = await db.githubLabel.findMany({ where: { repoId: h.repoId } });
    const rows = (list: Array<{ id: string; name: string; color: string; description: string | null }>) =>
      list.map((l) => [l.id, l.name, l.color, l.description]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(rows(stored)).toEqual(rows(h.repo.labels));
    const used = new Set(h.repo.items.flatMap((i) => i.labels.map((l) => l.id)));
    expect(h.repo.labels.some((l) => !used.has(l.id))).toBe(true); // the fixture has an unused label to find
  });
  it("stores every milestone with its state, due date and close time", async () => {
    const stored = await db.githubMilestone.findMany({ where: { repoId: h.repoId }, orderBy: { number: "asc" } });
    expect(
      stored.map((m) => ({
        id: m.id,
        number: m.number,
        title: m.title,
        state: m.state,
        dueOn: m.dueOn?.toISOString() ?? null,
        closedAt: m.closedAt?.toISOString() ?? null,
      })),
    ).toEqual(
      [...h.repo.milestones]
        .sort((a, b) => a.number - b.number)
        .map((m) => ({
          id: m.id,
          number: m.number,
          title: m.title,
          state: m.state,
          dueOn: m.dueOn ? new Date(m.dueOn).toISOString() : null,
          closedAt: m.closedAt ? new Date(m.closedAt).toISOString() : null,
        })),
    );
    expect(stored.length).toBeGreaterThan(0);
  });
});

describe("default-branch history", () => {
  it("keeps every commit of the last 400 days (at least the newest 100)", async () => {
    const horizon = Date.now() - 400 * 86_400_000;
    const newest = [...h.repo.history].reverse();
    const expected = newest
      .filter((c, i) => i < 100 || Date.parse(c.committedDate) >= horizon)
      .map((c) => c.oid)
      .sort();
    expect(expected.length).toBeGreaterThan(100); // the generated history reaches past the old limit
    expect(expected.length).toBeLessThan(newest.length); // and past the horizon
    const stored = await db.githubCommit.findMany({ where: { repoId: h.repoId }, select: { oid: true } });
    expect(stored.map((c) => c.oid).sort()).toEqual(expected);
  });
});
