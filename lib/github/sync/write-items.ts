// Stores complete item bundles in one transaction (the caller commits the page's watermark in the
// same one). Lists GitHub gave in full replace the stored ones; partial windows only add and update.
import { refreshItemFacts } from "@/lib/metrics/facts/refresh";
import { type Row, type TableSpec, type Tx, deleteMissing, notNull, upsertRows } from "./bulk";
import type { ItemBundle } from "./item-details";
import { checkRows } from "./map-repo";
import { commentRow, eventRow, itemRow, labelRow, reviewRequestRow, reviewRow } from "./map-items";
import {
  ASSIGNEES,
  CHECK_RUNS,
  CHECK_SUITES,
  COMMENTS,
  EVENTS,
  ITEM_LABELS,
  ITEMS,
  LABELS,
  REVIEW_REQUESTS,
  REVIEWS,
} from "./tables";

/** Upserts every bundle's rows into `spec`, then deletes stored rows missing from the exact lists. */
async function writeChildren(
  tx: Tx,
  spec: TableSpec,
  scope: string,
  parts: { id: string; rows: Row[]; exact: boolean; isNew: boolean }[],
): Promise<void> {
  await upsertRows(
    tx,
    spec,
    parts.flatMap((p) => p.rows),
  );
  const exact = parts.filter((p) => p.exact && !p.isNew);
  await deleteMissing(
    tx,
    spec,
    { column: scope, values: exact.map((p) => p.id) },
    exact.flatMap((p) => p.rows),
  );
}

/**
 * Stored copies newer than the fetched ones (a webhook re-fetch committed while this page was in
 * flight) are kept: writes never move an item back in time. The rows stay locked until commit.
 */
async function skipOlder(tx: Tx, bundles: ItemBundle[]): Promise<ItemBundle[]> {
  const stored = await tx.$queryRawUnsafe<{ id: string; updatedAt: Date }[]>(
    `SELECT id, "updatedAt" FROM "GithubItem" WHERE id IN (SELECT value FROM json_array_elements_text($1::json)) FOR UPDATE`,
    JSON.stringify(bundles.map((b) => b.item.id)),
  );
  const newest = new Map(stored.map((s) => [s.id, s.updatedAt.getTime()]));
  return bundles.filter((b) => (newest.get(b.item.id) ?? 0) <= Date.parse(b.item.updatedAt));
}

export async function writeItems(tx: Tx, repoId: string, fetched: ItemBundle[]): Promise<void> {
  if (fetched.length === 0) return;
  const bundles = await skipOlder(tx, fetched);
  if (bundles.length === 0) return;
  await upsertRows(
    tx,
    LABELS,
    bundles.flatMap((b) => b.labels.map((l) => labelRow(repoId, l))),
  );
  // Should GitHub ever hand out a new node id for an item, the old row must not block the number.
  await tx.$executeRawUnsafe(
    `DELETE FROM "GithubItem" i USING json_to_recordset($1::json) AS x(id text, number int)
     WHERE i."repoId" = $2::uuid AND i.number = x.number AND i.id <> x.id`,
    JSON.stringify(bundles.map((b) => ({ id: b.item.id, number: b.item.number }))),
    repoId,
  );
  await upsertRows(
    tx,
    ITEMS,
    bundles.map((b) => itemRow(repoId, b.item)),
  );

  await writeChildren(
    tx,
    COMMENTS,
    "itemId",
    bundles.map((b) => ({
      id: b.item.id,
      isNew: b.isNew,
      exact: b.comments.exact,
      rows: b.comments.nodes.map((c) => commentRow(repoId, b.item.id, c)),
    })),
  );
  await writeChildren(
    tx,
    EVENTS,
    "itemId",
    bundles.map((b) => ({
      id: b.item.id,
      isNew: b.isNew,
      exact: b.events.exact,
      rows: b.events.nodes.map((e) => eventRow(repoId, b.item.id, e)).filter(notNull),
    })),
  );
  await writeChildren(
    tx,
    REVIEWS,
    "itemId",
    bundles.flatMap((b) =>
      b.reviews
        ? [
            {
              id: b.item.id,
              isNew: b.isNew,
              exact: b.reviews.exact,
              rows: b.reviews.nodes.map((r) => reviewRow(repoId, b.item.id, r)),
            },
          ]
        : [],
    ),
  );

  const current = (spec: TableSpec, rows: Row[]) =>
    writeChildren(
      tx,
      spec,
      "itemId",
      bundles.map((b) => ({
        id: b.item.id,
        isNew: b.isNew,
        exact: true,
        rows: rows.filter((r) => r.itemId === b.item.id),
      })),
    );
  await current(
    ITEM_LABELS,
    bundles.flatMap((b) => b.labels.map((l) => ({ itemId: b.item.id, labelId: l.id }))),
  );
  await current(
    ASSIGNEES,
    bundles.flatMap((b) => b.item.assignees.nodes.map((a) => ({ itemId: b.item.id, login: a.login }))),
  );
  await current(
    REVIEW_REQUESTS,
    bundles.flatMap((b) =>
      b.item.__typename === "PullRequest"
        ? b.item.reviewRequests.nodes.map((r) => reviewRequestRow(b.item.id, r.requestedReviewer)).filter(notNull)
        : [],
    ),
  );

  const heads = bundles.flatMap((b) =>
    b.item.__typename === "PullRequest" && b.contexts ? [{ oid: b.item.headRefOid, contexts: b.contexts }] : [],
  );
  await writeCommitChecks(tx, repoId, heads);

  // Ready-for-review time needs the whole event history, part of which may only be stored.
  const pulls = bundles.filter((b) => b.item.__typename === "PullRequest").map((b) => b.item.id);
  if (pulls.length > 0)
    await tx.$executeRawUnsafe(
      `UPDATE "GithubItem" i SET "readyForReviewAt" = r.at
     FROM (SELECT x.id, CASE WHEN x."isDraft" THEN NULL ELSE
             (SELECT max(e."createdAt") FROM "GithubItemEvent" e WHERE e."itemId" = x.id AND e.kind = 'ready_for_review') END AS at
           FROM "GithubItem" x WHERE x.id IN (SELECT value FROM json_array_elements_text($1::json))) r
     WHERE i.id = r.id AND i."readyForReviewAt" IS DISTINCT FROM r.at`,
      JSON.stringify(pulls),
    );
  // The metrics' per-item facts (first response, clock start, close/reopen times) follow the rows.
  await refreshItemFacts(
    tx,
    bundles.map((b) => b.item.id),
  );
}

/**
 * A commit's complete CI contexts replace its stored runs (GitHub lists the latest run per check).
 * `suites` (the commit's own suite list, default-branch history only) also replaces its run-less
 * suites; a write without it (PR heads, re-checks) leaves run-less suites alone.
 */
export async function writeCommitChecks(
  tx: Tx,
  repoId: string,
  commits: { oid: string; contexts: Parameters<typeof checkRows>[2]; suites?: Parameters<typeof checkRows>[3] }[],
): Promise<void> {
  if (commits.length === 0) return;
  const rows = commits.map((c) => checkRows(repoId, c.oid, c.contexts, c.suites));
  await upsertRows(
    tx,
    CHECK_SUITES,
    rows.flatMap((r) => r.suites),
  );
  const runs = rows.flatMap((r) => r.runs);
  await upsertRows(tx, CHECK_RUNS, runs);
  // Suites GitHub no longer lists for these commits go (a stale failing suite would keep CI red); a
  // suite without runs is only known from a suite list, so only a write that carries one drops it.
  await tx.$executeRawUnsafe(
    `DELETE FROM "GithubCheckSuite" t WHERE t."repoId" = $1::uuid AND t."commitOid" IN (SELECT value FROM json_array_elements_text($2::json))
       AND t.id NOT IN (SELECT value FROM json_array_elements_text($3::json))
       AND (t."commitOid" IN (SELECT value FROM json_array_elements_text($4::json))
            OR EXISTS (SELECT 1 FROM "GithubCheckRun" r WHERE r."suiteId" = t.id))`,
    repoId,
    JSON.stringify(commits.map((c) => c.oid)),
    JSON.stringify(rows.flatMap((r) => r.suites).map((s) => s.id)),
    JSON.stringify(commits.filter((c) => c.suites !== undefined).map((c) => c.oid)),
  );
  await tx.$executeRawUnsafe(
    `DELETE FROM "GithubCheckRun" t WHERE t."repoId" = $1::uuid AND t."commitOid" IN (SELECT value FROM json_array_elements_text($2::json))
       AND t.id NOT IN (SELECT value FROM json_array_elements_text($3::json))`,
    repoId,
    JSON.stringify(commits.map((c) => c.oid)),
    JSON.stringify(runs.map((r) => r.id)),
  );
}
