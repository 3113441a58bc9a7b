// The repository's full label list (labels no item carries included) and every milestone are
// stored as records by the repository-overview step, without an extra request on small repositories.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { type Harness, startHarness } from "../testing/harness";
import { syncRepository } from "./sync-repository";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ name: "catalog", databaseId: 1951, seed: 23, issues: 40, pulls: 10 });
  expect((await syncRepository(h.repoId, h.options())).status).toBe("succeeded");
}, 120_000);
afterAll(() => h.stop());

describe("labels and milestones", () => {
  it("stores every label of the repository, used or not", async () => {
    const stored = await db.githubLabel.findMany({ where: { repoId: h.repoId } });
    const rows = (list: Array<{ id: string; name: string; color: string; description: string | null }>) => list.map((l) => [l.id, l.name, l.color, l.description]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(rows(stored)).toEqual(rows(h.repo.labels));
    const used = new Set(h.repo.items.flatMap((i) => i.labels.map((l) => l.id)));
    expect(h.repo.labels.some((l) => !used.has(l.id))).toBe(true); // the fixture has an unused label to find
  });
  it("stores every milestone with its state, due date and close time", async () => {
    const stored = await db.githubMilestone.findMany({ where: { repoId: h.repoId }, orderBy: { number: "asc" } });
    expect(stored.map((m) => ({ id: m.id, number: m.number, title: m.title, state: m.state, dueOn: m.dueOn?.toISOString() ?? null, closedAt: m.closedAt?.toISOString() ?? null })))
      .toEqual([...h.repo.milestones].sort((a, b) => a.number - b.number).map((m) => ({ id: m.id, number: m.number, title: m.title, state: m.state, dueOn: m.dueOn ? new Date(m.dueOn).toISOString() : null, closedAt: m.closedAt ? new Date(m.closedAt).toISOString() : null })));
    expect(stored.length).toBeGreaterThan(0);
  });
});
