// The facts path reads every window's facts in one pass and places each in its window by binary
// search; the direct queries (../github-queries.ts) join each window separately. They must agree on
// random data in a zone whose DST shift is half an hour (Lord Howe: local midnights off the hour),
// with items exactly on window bounds, with an ignore list and for overlapping windows.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createRepo } from "../fixtures";
import { getItemKpis } from "../github-queries";
import type { MetricsContext } from "../types";
import { monthWindow, quarterWindow, trailingMonths } from "../window";
import { generateItems } from "./generate";
import { getItemKpisFromFacts } from "./queries";
import { rebuildItemFacts } from "./refresh";
import { withIsolatedDatabase } from "@/lib/testing/isolated-database";

// rebuildItemFacts rewrites every item's facts: items that test files running at the same time delete
// meanwhile broke its foreign key (seen in a full run). This file gets a database of its own.
withIsolatedDatabase();

const TZ = "Australia/Lord_Howe"; // DST ends 2026-04-05 (UTC+11 → +10:30), starts 2025-10-05
const seed = Number(process.env.METRICS_SEED ?? Math.floor(Math.random() * 1e9));

describe("single-pass item KPIs", () => {
  it(`equal the per-window direct queries across DST months (seed ${seed})`, async () => {
    const repo = await createRepo();
    await generateItems(repo.id, 500, seed);
    const months = trailingMonths("2026-06", 14).map((m) => monthWindow(m, TZ));
    // Items created, closed and merged exactly at local midnights that start or end a window. Only
    // moved earlier: a creation after the item's own events is not data GitHub gives (and the direct
    // queries, which read events only of items created before the last end, then depend on the windows).
    const bounds = months.map((w) => w.start.toISOString());
    const late = await db.githubItem.findMany({
      where: { repoId: repo.id },
      orderBy: { createdAt: "desc" },
      take: 2 * bounds.length,
      select: { id: true },
    });
    const moved = await db.$executeRawUnsafe(
      `UPDATE "GithubItem" g SET "createdAt" = b.at - interval '3 days', "closedAt" = b.at, "mergedAt" = CASE WHEN g.merged THEN b.at END
       FROM unnest($1::text[], $2::text[]::timestamptz[]) AS b(id, at)
       WHERE g.id = b.id AND g.state <> 'OPEN' AND g."createdAt" > b.at - interval '3 days'`,
      late.slice(0, bounds.length).map((r) => r.id),
      bounds,
    );
    await db.$executeRawUnsafe(
      `UPDATE "GithubItem" g SET "createdAt" = b.at FROM unnest($1::text[], $2::text[]::timestamptz[]) AS b(id, at)
       WHERE g.id = b.id AND g."createdAt" > b.at`,
      late.slice(bounds.length, 2 * bounds.length).map((r) => r.id),
      bounds,
    );
    expect(moved).toBeGreaterThan(2);
    await rebuildItemFacts(db);
    const config = { ignoreLogins: [], bugLabel: "bug", criticalLabels: ["P0", "sev1"] };
    const ctx: MetricsContext = { repoIds: [repo.id], windows: months, config };

    const direct = await getItemKpis(ctx);
    expect(direct.reduce((n, v) => n + (v["issues.opened"]?.value ?? 0), 0)).toBeGreaterThan(150);
    expect(await getItemKpisFromFacts(ctx)).toEqual(direct);

    // With an ignore list (then the stored first times of ignored logins are looked up again).
    const ignoring = { ...ctx, config: { ...config, ignoreLogins: ["Maint2", "maint4"] } };
    expect(await getItemKpisFromFacts(ignoring)).toEqual(await getItemKpis(ignoring));

    // Overlapping windows (a quarter and a month in it), unsorted: each is computed on its own.
    const overlapping = { ...ctx, windows: [monthWindow("2026-04", TZ), quarterWindow("2026-Q2", TZ), months[3]!] };
    expect(await getItemKpisFromFacts(overlapping)).toEqual(await getItemKpis(overlapping));
  }, 300_000); // 500 generated items compared five ways: not bounded by the default 30 s on a loaded machine
});
