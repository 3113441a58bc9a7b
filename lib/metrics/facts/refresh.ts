// Keeps GithubItemFact in step with the items: the sync write path (writeItems, markRemoved) and
// the triage actions recompute the facts of the items they touch; a full rebuild runs when no
// build is recorded or the ignore list changed. Same expressions as the direct KPI queries
// (../github-queries.ts), so both give the same numbers (facts.test.ts compares them).
import type { Prisma } from "@/lib/generated/prisma/client";
import { CLOCK_START, FIRST_DRAFT_EVENT, responder } from "../sql";

type Tx = Pick<Prisma.TransactionClient, "$executeRawUnsafe" | "$queryRawUnsafe">;

/** `ignore`: the lower-case ignore list (an SQL text[] expression); `only`: which items. */
const upsert = (
  ignore: string,
  only: string,
) => `INSERT INTO "GithubItemFact" ("itemId", "repoId", kind, state, removed, "createdAt", "closedAt", merged, "mergedAt",
    "firstCommentAt", "firstReviewAt", "clockStart", "closeEvents", "reopenEvents", "refreshedAt")
  SELECT g.id, g."repoId", g.kind, g.state, g."removedAt" IS NOT NULL, g."createdAt", g."closedAt", coalesce(g.merged, false), g."mergedAt",
    (SELECT min(cm."createdAt") FROM "GithubComment" cm WHERE cm."itemId" = g.id AND ${responder("cm", ignore)}),
    (SELECT min(r."submittedAt") FROM "GithubReview" r WHERE r."itemId" = g.id AND r."submittedAt" IS NOT NULL AND r.state <> 'PENDING' AND ${responder("r", ignore)}),
    CASE WHEN g.kind = 'pull_request' THEN ${CLOCK_START} END,
    coalesce((SELECT array_agg(e."createdAt") FROM "GithubItemEvent" e WHERE e."itemId" = g.id AND e.kind = 'closed'), '{}'),
    coalesce((SELECT array_agg(e."createdAt") FROM "GithubItemEvent" e WHERE e."itemId" = g.id AND e.kind = 'reopened'), '{}'),
    now()
  FROM "GithubItem" g ${FIRST_DRAFT_EVENT}
  WHERE ${only}
  ON CONFLICT ("itemId") DO UPDATE SET "repoId" = excluded."repoId", kind = excluded.kind, state = excluded.state,
    removed = excluded.removed, "createdAt" = excluded."createdAt", "closedAt" = excluded."closedAt", merged = excluded.merged,
    "mergedAt" = excluded."mergedAt", "firstCommentAt" = excluded."firstCommentAt", "firstReviewAt" = excluded."firstReviewAt",
    "clockStart" = excluded."clockStart", "closeEvents" = excluded."closeEvents", "reopenEvents" = excluded."reopenEvents",
    "refreshedAt" = excluded."refreshedAt"`;

export const ignoreKey = (ignoreLogins: string[]): string[] =>
  [...new Set(ignoreLogins.map((l) => l.toLowerCase()))].sort();

// With the ignore list of the recorded build; before any build, nothing (the first build covers all).
const BUILT_IGNORE = `(SELECT string_to_array(s."ignoreLogins", ',') FROM "GithubItemFactState" s WHERE s.id = 1)`;
const REFRESH = upsert(
  BUILT_IGNORE,
  `g.id = ANY($1::text[]) AND EXISTS (SELECT 1 FROM "GithubItemFactState" s WHERE s.id = 1)`,
);
const REBUILD = upsert("$1", "TRUE");

/**
 * Recomputes the facts of these items: call it in the transaction that wrote their rows, comments,
 * reviews or events. Ids of items that no longer exist are skipped.
 */
export async function refreshItemFacts(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRawUnsafe(REFRESH, [...new Set(ids)]);
}

/**
 * Every item's facts, when no build with this ignore list is recorded (first use after the
 * migration, or STEWARD_METRICS_IGNORE_LOGINS changed). Idempotent; concurrent callers wait on a
 * lock and the second finds the build done. Returns whether it rebuilt.
 */
export async function ensureItemFacts(
  db: { $transaction<T>(fn: (tx: Tx) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T> },
  ignoreLogins: string[],
): Promise<boolean> {
  const key = ignoreKey(ignoreLogins).join(",");
  const current = async (tx: Tx) =>
    (
      await tx.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "GithubItemFactState" WHERE id = 1 AND "ignoreLogins" = $1`,
        key,
      )
    )[0]!.n === 1;
  if (await db.$transaction((tx) => current(tx))) return false;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('steward.item_facts'))`);
      if (await current(tx)) return false;
      await tx.$executeRawUnsafe(REBUILD, ignoreKey(ignoreLogins));
      await tx.$executeRawUnsafe(
        `INSERT INTO "GithubItemFactState" (id, "ignoreLogins", "builtAt") VALUES (1, $1, now())
         ON CONFLICT (id) DO UPDATE SET "ignoreLogins" = excluded."ignoreLogins", "builtAt" = excluded."builtAt"`,
        key,
      );
      return true;
    },
    { timeout: 600_000, maxWait: 600_000 },
  );
}
