// Computed windows are served from the cache until the repositories' data version changes.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cachedWindows, dataVersion } from "./cache";
import { computeWindows } from "./compute";
import { createItem, createRepo, writeLateResponse } from "./fixtures";
import { monthWindow } from "./window";

const CONFIG = { ignoreLogins: [], bugLabel: "bug", criticalLabels: ["P0"] };
const opened = async (repoId: string) =>
  (await computeWindows([repoId], [monthWindow("2026-07", "UTC")], CONFIG))[0]?.["issues.opened"]?.value;

describe("KPI cache", () => {
  it("answers from the cache until a sync, a facts refresh or a newer item update changes the version", async () => {
    const repo = await createRepo();
    await createItem(repo.id, { number: 1, created: "2026-07-10T00:00:00Z" });
    const windows = [monthWindow("2026-07", "UTC")];
    let computed = 0;
    const values = () =>
      cachedWindows([repo.id], windows, CONFIG, async (missing) => {
        computed += missing.length;
        return missing.map(() => ({ "issues.opened": { value: computed } }));
      });
    await values();
    await values();
    expect(computed).toBe(1);
    // A finished sync changes the version.
    await db.githubRepository.update({
      where: { id: repo.id },
      data: { lastSyncAt: new Date("2026-11-30T00:00:00Z") },
    });
    await values();
    expect(computed).toBe(2);
    // So does an item whose update time is older than the newest one: its facts refresh bumps the
    // facts version (the newest update time alone would not move).
    await createItem(repo.id, { number: 2, created: "2026-07-04T00:00:00Z" });
    expect(await values()).toEqual([{ "issues.opened": { value: 3 } }]);
    await values();
    expect(computed).toBe(3);
  });

  it("recomputes once an older item arrives (the real computation)", async () => {
    const repo = await createRepo();
    await createItem(repo.id, { number: 1, created: "2026-07-10T00:00:00Z" });
    expect(await opened(repo.id)).toBe(1);
    await createItem(repo.id, { number: 2, created: "2026-07-04T00:00:00Z" });
    expect(await opened(repo.id)).toBe(2);
    // And a newer item update (a webhook).
    await createItem(repo.id, { number: 3, created: "2026-07-20T00:00:00Z" });
    expect(await opened(repo.id)).toBe(3);
  });

  it("changes its version for a newer item or comment in any of the selected repositories", async () => {
    const [a, b] = [await createRepo(), await createRepo()];
    await createItem(a.id, { number: 1, created: "2026-07-10T00:00:00Z" });
    const item = await createItem(b.id, { number: 1, created: "2026-06-10T00:00:00Z" });
    const before = await dataVersion([a.id, b.id]);
    expect(before).toContain("2026-07-10"); // the newest item of the two repositories
    // A comment (a minute after the older repository's item) is newer than any comment before: a new version.
    await writeLateResponse(item);
    const after = await dataVersion([a.id, b.id]);
    expect(after).not.toBe(before);
    expect(after).toContain("2026-06-10");
    expect(await dataVersion([a.id])).not.toContain("2026-06-10");
  });
});
