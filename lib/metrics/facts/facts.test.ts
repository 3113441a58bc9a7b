// The facts path must give exactly the numbers of the direct queries over comments, reviews and
// events: both run on one generated repository (bots, deleted users, self-replies, ignored logins,
// drafts, close/reopen, transfers, labels) for 14 months in a non-UTC zone, before and after the
// sync write path changes items, and with other ignore lists.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { markRemoved } from "@/lib/github/sync/refetch";
import { createRepo, writeLateResponse } from "../fixtures";
import { getItemKpis } from "../github-queries";
import type { MetricsContext } from "../types";
import { monthWindow, trailingMonths } from "../window";
import { generateItems } from "./generate";
import { getItemKpisFromFacts } from "./queries";
import { rebuildItemFacts } from "./refresh";

const months = trailingMonths("2026-06", 14).map((m) => monthWindow(m, "America/New_York"));

async function compare(ctx: MetricsContext): Promise<number> {
  const [direct, facts] = await Promise.all([getItemKpis(ctx), getItemKpisFromFacts(ctx)]);
  expect(facts).toEqual(direct);
  return direct.reduce((n, v) => n + (v["issues.opened"]?.value ?? 0) + (v["prs.opened"]?.value ?? 0), 0);
}

describe("item facts", () => {
  it("give the same KPIs as the direct queries on a generated data set", async () => {
    const repo = await createRepo();
    const ids = await generateItems(repo.id, 600, 7);
    await rebuildItemFacts(db);
    const ctx: MetricsContext = {
      repoIds: [repo.id],
      windows: months,
      config: { ignoreLogins: ["Maint3"], bugLabel: "bug", criticalLabels: ["P0", "sev1"] },
    };
    expect(await compare(ctx)).toBeGreaterThan(400);

    // A webhook transfer, and a new responder comment and reopen written with a refresh, as the sync does.
    await db.$transaction((tx) =>
      markRemoved(tx, repo.id, [{ id: ids[0]!, reason: "transferred", to: "elsewhere/repo" }]),
    );
    await writeLateResponse(ids[1]!, { reopen: true });
    await compare(ctx);

    // Another ignore list and none: applied when reading.
    await compare({ ...ctx, config: { ...ctx.config, ignoreLogins: [] } });
    const other = { ...ctx, config: { ...ctx.config, ignoreLogins: ["maint1", "Maint5"] } };
    await compare(other);
    const fact = await db.githubItemFact.findUniqueOrThrow({ where: { itemId: ids[0]! } });
    expect(fact.removed).toBe(true);
  }, 300_000); // 600 generated items and five full comparisons: not bounded by the default 30 s on a loaded machine
});
