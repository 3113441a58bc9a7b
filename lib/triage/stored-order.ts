// The queue's order (compareRows, views.ts) in SQL over the stored outcomes, so a page of the queue is
// one indexed read with LIMIT. A running clock's seconds left is ceil((key − now) / 1 s) for the key
// below, so SQL's order by key is compareRows' order up to ties in seconds left, which compareRows
// then settles on the fetched rows (fetching more while a tie group could run past the page).
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TriageRow } from "./rules/evaluate";
import type { TriageFilters, TriageTab } from "./schemas";
import { filterSql, readStoredRows, type StoredScope, tabSql } from "./stored-queue";
import { compareRows } from "./views";

const TIE = Prisma.sql`o."createdAt", o.number, o."itemId" COLLATE "C"`;

function orderSql(tab: TriageTab, scope: StoredScope): Prisma.Sql {
  if (tab === "review") return Prisma.sql`o."reviewWaitingSince", ${TIE}`;
  if (tab === "stale") return Prisma.sql`o."lastHumanActivityAt", ${TIE}`;
  // Calendar clock: seconds left = target − floor(max(0, now − created)), i.e. by max(created, now) + target.
  // Business clock: by the due instant (business seconds left grow with it).
  const key = scope.schedule.businessHours
    ? Prisma.sql`o."dueAt"`
    : Prisma.sql`greatest(o."createdAt", ${scope.now.toISOString()}::timestamptz) + o."targetSeconds" * interval '1 second'`;
  return Prisma.sql`o."stoppedAt" IS NOT NULL, CASE WHEN o."stoppedAt" IS NULL THEN ${key} END, ${TIE}`;
}

/** The first `limit` items of the filtered tab in compareRows' order. */
export async function listStoredQueue(scope: StoredScope, filters: TriageFilters, limit: number): Promise<TriageRow[]> {
  const where = Prisma.sql`${filterSql(scope, filters)} AND ${tabSql(filters.tab, scope.now)}`;
  const order = orderSql(filters.tab, scope);
  for (let fetch = limit + 32; ; fetch *= 2) {
    const rows = await readStoredRows(scope, where, order, fetch);
    const last = rows[rows.length - 1];
    rows.sort(compareRows(filters.tab));
    const edge = rows[limit - 1];
    const tieMayContinue =
      rows.length === fetch &&
      filters.tab !== "stale" &&
      filters.tab !== "review" &&
      last?.secondsLeft != null &&
      edge?.secondsLeft != null &&
      last.secondsLeft === edge.secondsLeft;
    if (!tieMayContinue) return rows.slice(0, limit);
  }
}
