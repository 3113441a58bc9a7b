// Stored KPI windows must always equal the direct queries: first computed, then read back, and
// after every kind of change the sync makes (a comment and reopen, a removal, a label added to a
// closed bug, a renamed label) and in another time zone.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { testDatabaseKind } from "@/lib/testing/databases";
import { markRemoved } from "@/lib/github/sync/refetch";
import { metricsConfig } from "../config";
import { createRepo, writeLateResponse } from "../fixtures";
import { getItemKpis } from "../github-queries";
import type { MetricsContext } from "../types";
import { monthWindow, trailingMonths } from "../window";
import { generateItems } from "./generate";
import { rebuildItemFacts, refreshItemFacts } from "./refresh";
import { getItemKpisFromFacts } from "./queries";
import { getItemKpisStored, storeWindows } from "./windows";

const inZone = (tz: string) => trailingMonths("2026-06", 14).map((m) => monthWindow(m, tz));

async function same(ctx: MetricsContext): Promise<void> {
  const [direct, stored] = await Promise.all([getItemKpis(ctx), getItemKpisStored(ctx)]);
  expect(stored).toEqual(direct);
}

describe("stored KPI windows", () => {
  it("equal the direct queries when built, read back, and after the sync's changes", async () => {
    const repo = await createRepo();
    const ids = await generateItems(repo.id, 400, 5);
    await rebuildItemFacts(db);
    const ctx: MetricsContext = { repoIds: [repo.id], windows: inZone("Europe/Berlin"), config: metricsConfig() };
    await same(ctx);
    const rows = () => db.metricsItemWindow.count({ where: { repoIds: { has: repo.id } } });
    expect(await rows()).toBe(14);

    // Read back, not recomputed: a tampered row is what comes out (then it is dropped again).
    const last = ctx.windows.at(-1)!;
    await db.metricsItemWindow.updateMany({
      where: { repoIds: { has: repo.id }, start: last.start },
      data: { values: { "issues.opened": { value: -1 } } },
    });
    expect((await getItemKpisStored(ctx)).at(-1)).toEqual({ "issues.opened": { value: -1 } });
    await db.metricsItemWindow.deleteMany({ where: { repoIds: { has: repo.id }, start: last.start } });
    await same(ctx);

    // A responder's comment and a reopen, written with the refresh as the sync does: only windows
    // ending after the earliest changed instant are dropped.
    const createdAt = await writeLateResponse(ids[3]!, { reopen: true });
    const kept = await db.metricsItemWindow.count({
      where: { repoIds: { has: repo.id }, end: { lte: createdAt } },
    });
    expect(await rows()).toBe(kept);
    await same(ctx);

    // A transfer (removal), and the bug label added to a closed issue.
    await db.$transaction((tx) => markRemoved(tx, repo.id, [{ id: ids[0]!, reason: "transferred", to: "x/y" }]));
    await same(ctx);
    const closed = await db.githubItem.findFirstOrThrow({
      where: { repoId: repo.id, kind: "issue", state: "CLOSED", labels: { none: {} } },
    });
    await db.$transaction(async (tx) => {
      await tx.githubItemLabel.create({ data: { itemId: closed.id, labelId: `L_${repo.id}_bug` } });
      await refreshItemFacts(tx, [closed.id]);
    });
    await same(ctx);

    // The bug label renamed by the repository overview's sync (no item refresh): other label set, other key.
    await db.githubLabel.update({ where: { id: `L_${repo.id}_bug` }, data: { name: "defect" } });
    await same(ctx);
    await db.githubLabel.update({ where: { id: `L_${repo.id}_question` }, data: { name: "Bug" } });
    await same(ctx);

    // The team's zone changed: other instants, other rows.
    await same({ ...ctx, windows: inZone("America/New_York") });
    await same(ctx);
  }, 300_000); // generated items, compared both ways nine times: not bounded by 30 s on a loaded machine

  // Two connections are needed to interleave (PGlite has one, and runs one transaction at a time).
  it.skipIf(testDatabaseKind() === "pglite")(
    "a window computed from the old facts is not stored while a refresh is committing",
    async () => {
      const repo = await createRepo();
      const ids = await generateItems(repo.id, 60, 11);
      await rebuildItemFacts(db);
      const ctx: MetricsContext = { repoIds: [repo.id], windows: inZone("UTC"), config: metricsConfig() };
      const version = async () =>
        JSON.stringify(
          Object.fromEntries(
            (await db.metricsItemVersion.findMany({ where: { repoId: repo.id } })).map((v) => [
              v.repoId,
              Number(v.version),
            ]),
          ),
        );
      const before = await version();
      const old = await getItemKpisFromFacts(ctx);
      const rows = ctx.windows.map((w, i) => ({ start: w.start, end: w.end, values: old[i]! }));

      // The refresh has bumped the version and dropped the windows, not yet committed, when the
      // store of the old computation arrives: it waits for the commit (on the version row it makes
      // sure exists), then sees the new version and stores nothing.
      let stored: Promise<boolean> | undefined;
      await db.$transaction(
        async (tx) => {
          const item = await tx.githubItem.findFirstOrThrow({
            where: { id: { in: ids } },
            orderBy: { createdAt: "asc" },
          });
          await tx.githubItem.update({
            where: { id: item.id },
            data: { title: "changed", createdAt: ctx.windows[0]!.start },
          });
          await refreshItemFacts(tx, [item.id]);
          stored = storeWindows("race", [repo.id], rows, before);
          await expect
            .poll(
              async () =>
                (
                  await db.$queryRawUnsafe<Array<{ n: number }>>(
                    `SELECT count(*)::int AS n FROM pg_stat_activity
                     WHERE wait_event_type = 'Lock' AND query LIKE '%INTO "MetricsItemVersion"%'`,
                  )
                )[0]!.n,
              { timeout: 60_000 },
            )
            .toBe(1);
        },
        { timeout: 120_000 },
      );
      expect(await stored).toBe(false);
      expect(await db.metricsItemWindow.count({ where: { key: "race" } })).toBe(0);

      // With no refresh in between, the same store goes in.
      expect(await storeWindows("race", [repo.id], rows, await version())).toBe(true);
      expect(await db.metricsItemWindow.count({ where: { key: "race" } })).toBe(ctx.windows.length);
    },
    300_000,
  );
});
