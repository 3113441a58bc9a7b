// Keeps GithubItemFact in step with the items: the sync write path (writeItems, markRemoved) and
// the triage actions recompute the facts of the items they touch, in the same transaction; the
// migration filled them for existing items, and rebuildItemFacts repairs all (idempotent). Same
// expressions as the direct KPI queries (../github-queries.ts); facts.test.ts compares the two.
import type { Prisma } from "@/lib/generated/prisma/client";
import { refreshTriageOutcomes } from "@/lib/triage/outcomes";
import { CLOCK_START, FIRST_DRAFT_EVENT } from "../sql";

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

/**
 * Recomputes the facts and stored triage outcomes of these items: call it in the transaction that
 * wrote their rows, comments, reviews, labels or events. Ids of items that no longer exist are
 * skipped (their facts went with them).
 */
export async function refreshItemFacts(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  await tx.$executeRawUnsafe(REFRESH, unique);
  await refreshTriageOutcomes(tx, unique);
}

/** Recomputes every item's facts: after rows were written outside the sync (bulk loads, repairs). */
export async function rebuildItemFacts(tx: Pick<Tx, "$executeRawUnsafe">): Promise<number> {
  return tx.$executeRawUnsafe(REBUILD_ITEM_FACTS);
}
