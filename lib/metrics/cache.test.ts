// Computed windows are served from the cache until the repository's data version changes.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { computeWindows } from "./compute";
import { createItem, createRepo } from "./fixtures";
import { monthWindow } from "./window";

const CONFIG = { ignoreLogins: [], bugLabel: "bug", criticalLabels: ["P0"] };
const opened = async (repoId: string) =>
  (await computeWindows([repoId], [monthWindow("2026-07", "UTC")], CONFIG))[0]?.["issues.opened"]?.value;

describe("KPI cache", () => {
  it("answers from the cache until a sync or a newer item update changes the version", async () => {
    const repo = await createRepo();
    await createItem(repo.id, { number: 1, created: "2026-07-10T00:00:00Z" });
    expect(await opened(repo.id)).toBe(1);
    // A row whose update time is older than the newest one does not change the version: cached.
    await createItem(repo.id, { number: 2, created: "2026-07-04T00:00:00Z" });
    expect(await opened(repo.id)).toBe(1);
    // A finished sync does.
    await db.githubRepository.update({
      where: { id: repo.id },
      data: { lastSyncAt: new Date("2026-11-30T00:00:00Z") },
    });
    expect(await opened(repo.id)).toBe(2);
    // So does a newer item update (a webhook).
    await createItem(repo.id, { number: 3, created: "2026-07-20T00:00:00Z" });
    expect(await opened(repo.id)).toBe(3);
  });
});
