// Keeps GithubItemFact in step with the items: the sync write path (writeItems, markRemoved) and
// the triage actions recompute the facts of the items they touch, in the same transaction; the
// migration filled them for existing items, and rebuildItemFacts repairs all (idempotent). Same
// expressions as the direct KPI queries (../github-queries.ts); facts.test.ts compares the two.
import type { Prisma } from "@/lib/generated/prisma/client";
import { refreshTriageOutcomes } from "@/lib/triage/outcomes";
import { metricsConfig } from "../config";
import { CLOCK_START, FIRST_DRAFT_EVENT } from "../sql";
import { clearItemWindows, invalidateItemWindows } from "./windows";

type Tx = Prisma.TransactionClient;

/** A responder before the ignore list: a user, not deleted, not the item's (alias g) author. */
const candidate = (a: string) => `${a}."authorType" = 'user' AND ${a}."authorLogin" IS NOT NULL
    AND lower(${a}."authorLogin") <> lower(coalesce(g."authorLogin", ''))`;

const upsert = (
  only: string,
) => `INSERT INTO "GithubItemFact" ("itemId", "repoId", kind, state, removed, "createdAt", "closedAt", merged, "mergedAt",
    "firstCommentAt", "firstCommentLogin", "firstReviewAt", "firstReviewLogin", "clockStart", "closeEvents", "reopenEvents", "refreshedAt")
  SELECT g.id, g."repoId", g.kind, g.state, g."removedAt" IS NOT NULL, g."createdAt", g."closedAt", coalesce(g.merged, false), g."mergedAt",
    fc."createdAt", fc."authorLogin", fr."submittedAt", fr."authorLogin",
    CASE WHEN g.kind = 'pull_request' THEN ${CLOCK_START} END,
    coalesce((SELECT array_agg(e."createdAt" ORDER BY e."createdAt") FROM "GithubItemEvent" e WHERE e."itemId" = g.id AND e.kind = 'closed'), '{}'),
    coalesce((SELECT array_agg(e."createdAt" ORDER BY e."createdAt") FROM "GithubItemEvent" e WHERE e."itemId" = g.id AND e.kind = 'reopened'), '{}'),
    now()
  FROM "GithubItem" g ${FIRST_DRAFT_EVENT}
  LEFT JOIN LATERAL (SELECT cm."createdAt", cm."authorLogin" FROM "GithubComment" cm WHERE cm."itemId" = g.id AND ${candidate("cm")}
    ORDER BY cm."createdAt", cm.id LIMIT 1) fc ON true
  LEFT JOIN LATERAL (SELECT r."submittedAt", r."authorLogin" FROM "GithubReview" r WHERE r."itemId" = g.id AND r."submittedAt" IS NOT NULL
    AND r.state <> 'PENDING' AND ${candidate("r")} ORDER BY r."submittedAt", r.id LIMIT 1) fr ON true
  WHERE ${only}
  ON CONFLICT ("itemId") DO UPDATE SET "repoId" = excluded."repoId", kind = excluded.kind, state = excluded.state,
    removed = excluded.removed, "createdAt" = excluded."createdAt", "closedAt" = excluded."closedAt", merged = excluded.merged,
    "mergedAt" = excluded."mergedAt", "firstCommentAt" = excluded."firstCommentAt", "firstCommentLogin" = excluded."firstCommentLogin",
    "firstReviewAt" = excluded."firstReviewAt", "firstReviewLogin" = excluded."firstReviewLogin", "clockStart" = excluded."clockStart",
    "closeEvents" = excluded."closeEvents", "reopenEvents" = excluded."reopenEvents", "refreshedAt" = excluded."refreshedAt"`;

/** Every item's facts (the migration ran the same statement once). */
export const REBUILD_ITEM_FACTS = upsert("TRUE");
const REFRESH = upsert("g.id = ANY($1::text[])");

type FactRow = {
  itemId: string;
  repoId: string;
  createdAt: Date;
  closedAt: Date | null;
  mergedAt: Date | null;
  closeEvents: Date[];
  reopenEvents: Date[];
  firstCommentLogin: string | null;
  firstReviewLogin: string | null;
  cohort: string;
};
const WATCH = `SELECT "itemId", "repoId"::text AS "repoId", "createdAt", "closedAt", "mergedAt", "closeEvents", "reopenEvents",
    "firstCommentLogin", "firstReviewLogin",
    concat_ws('|', kind, state, removed, merged, "createdAt", "firstCommentAt", "firstCommentLogin", "firstReviewAt",
      "firstReviewLogin", "clockStart") AS cohort
  FROM "GithubItemFact" WHERE "itemId" = ANY($1::text[])`;

/**
 * The earliest instant at which an item's KPIs may have changed: its close and merge times always
 * (its labels may have changed), event times that came or went, and its creation when anything
 * else differs or its first responder is on the ignore list (then comments are read directly).
 */
function changedFrom(o: FactRow | undefined, n: FactRow | undefined, ignore: Set<string>): number | null {
  const times: Array<Date | null | undefined> = [o?.closedAt, n?.closedAt, o?.mergedAt, n?.mergedAt];
  const ignored = [o?.firstCommentLogin, o?.firstReviewLogin, n?.firstCommentLogin, n?.firstReviewLogin].some(
    (l) => l && ignore.has(l.toLowerCase()),
  );
  if (!o || !n || o.cohort !== n.cohort || ignored) times.push(o?.createdAt, n?.createdAt);
  const stamp = (xs: Date[] | undefined) => (xs ?? []).map((d) => d.getTime()).join(",");
  if (stamp(o?.closeEvents) !== stamp(n?.closeEvents) || stamp(o?.reopenEvents) !== stamp(n?.reopenEvents))
    times.push(
      ...(o?.closeEvents ?? []),
      ...(o?.reopenEvents ?? []),
      ...(n?.closeEvents ?? []),
      ...(n?.reopenEvents ?? []),
    );
  const ms = times.filter((t): t is Date => t instanceof Date).map((t) => t.getTime());
  return ms.length ? Math.min(...ms) : null;
}

/**
 * Recomputes the facts and stored triage outcomes of these items, and drops the stored KPI windows
 * their changes fall in: call it in the transaction that wrote their rows, comments, reviews,
 * labels or events. Ids of items that no longer exist are skipped (their facts went with them).
 */
export async function refreshItemFacts(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  const before = await tx.$queryRawUnsafe<FactRow[]>(`${WATCH} FOR UPDATE`, unique);
  await tx.$executeRawUnsafe(REFRESH, unique);
  const after = await tx.$queryRawUnsafe<FactRow[]>(WATCH, unique);
  const ignore = new Set(metricsConfig().ignoreLogins.map((l) => l.toLowerCase()));
  const old = new Map(before.map((r) => [r.itemId, r]));
  const now = new Map(after.map((r) => [r.itemId, r]));
  const from = new Map<string, number>();
  for (const id of unique) {
    const [o, n] = [old.get(id), now.get(id)];
    const at = changedFrom(o, n, ignore);
    const repoId = (n ?? o)?.repoId;
    if (at === null || !repoId) continue;
    from.set(repoId, Math.min(at, from.get(repoId) ?? Infinity));
  }
  // In repository order, as storeWindows locks them: two transactions never wait on each other.
  for (const [repoId, at] of [...from].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    await invalidateItemWindows(tx, repoId, new Date(at));
  await refreshTriageOutcomes(tx, unique);
}

/** Recomputes every item's facts: after rows were written outside the sync (bulk loads, repairs). */
export async function rebuildItemFacts(tx: Pick<Tx, "$executeRawUnsafe">): Promise<number> {
  const n = await tx.$executeRawUnsafe(REBUILD_ITEM_FACTS);
  await clearItemWindows(tx);
  return n;
}
