// The item KPIs read from GithubItemFact (one row per issue / pull request with its derived times),
// by index on the window's bounds: no comment, review or event rows are read per request.
// Definitions: ../definitions.ts; the direct queries they must agree with: ../github-queries.ts.
import { assembleItemKpis, run } from "../github-queries";
import { WINDOWS, responder, seconds, stats } from "../sql";
import type { KpiValues, MetricsContext } from "../types";

const LIVE = `f."repoId" = ANY($1::uuid[]) AND NOT f.removed`;

/** The stored first time, unless its login is on the ignore list ($4): then the item's rows are read. */
const FIRST = (at: string, login: string, rows: string) =>
  `CASE WHEN lower(f."${login}") = ANY($4::text[]) THEN (${rows}) ELSE f."${at}" END`;
/** Alias f: the item's first responder comment ($4 = ignore list). */
export const FIRST_COMMENT = FIRST(
  "firstCommentAt",
  "firstCommentLogin",
  `SELECT min(cm."createdAt") FROM "GithubComment" cm JOIN "GithubItem" g ON g.id = cm."itemId" WHERE cm."itemId" = f."itemId" AND ${responder("cm")}`,
);
const FIRST_REVIEW = FIRST(
  "firstReviewAt",
  "firstReviewLogin",
  `SELECT min(r."submittedAt") FROM "GithubReview" r JOIN "GithubItem" g ON g.id = r."itemId" WHERE r."itemId" = f."itemId"
     AND r."submittedAt" IS NOT NULL AND r.state <> 'PENDING' AND ${responder("r")}`,
);

const CREATED = `WITH ${WINDOWS}, t AS MATERIALIZED (
  SELECT w.i, f.kind, f."createdAt", f."clockStart" AS start, ${FIRST_COMMENT} AS commented, ${FIRST_REVIEW} AS reviewed
  FROM w JOIN "GithubItemFact" f ON ${LIVE} AND f."createdAt" >= w.s AND f."createdAt" < w.e),
c AS (SELECT t.*, least(t.commented, t.reviewed) AS responded FROM t)
SELECT i, kind, count(*)::int AS opened, (count(*) FILTER (WHERE responded IS NULL))::int AS without,
  ${stats("fr", seconds("responded", '"createdAt"'))},
  ${stats("rv", `greatest(0, ${seconds("reviewed", "start")})`, "start IS NOT NULL AND reviewed IS NOT NULL")}
FROM c GROUP BY i, kind`;

const LABELLED = (name: string, match: string) =>
  `${name} AS (SELECT DISTINCT il."itemId" FROM "GithubItemLabel" il JOIN "GithubLabel" l ON l.id = il."labelId"
  WHERE l."repoId" = ANY($1::uuid[]) AND ${match})`;
const CLOSED_ISSUES = `WITH ${WINDOWS}, ${LABELLED("bugs", "lower(l.name) = $4")}, ${LABELLED("crit", "lower(l.name) = ANY($5::text[])")}, c AS (
  SELECT w.i, ${seconds('f."closedAt"', 'f."createdAt"')} AS d, b."itemId" IS NOT NULL AS bug, k."itemId" IS NOT NULL AS critical
  FROM w JOIN "GithubItemFact" f ON ${LIVE} AND f.kind = 'issue' AND f.state = 'CLOSED' AND f."closedAt" >= w.s AND f."closedAt" < w.e
  LEFT JOIN bugs b ON b."itemId" = f."itemId" LEFT JOIN crit k ON k."itemId" = f."itemId")
SELECT i, count(*)::int AS closed, ${stats("ttc", "d")}, ${stats("bug", "d", "bug")},
  (count(*) FILTER (WHERE critical))::int AS p0, (count(*) FILTER (WHERE critical AND d <= 604800))::int AS p0_week
FROM c GROUP BY i`;

const PULLS_CLOSED = `WITH ${WINDOWS}, c AS (
  SELECT w.i, f.merged, CASE WHEN f.merged THEN ${seconds('f."mergedAt"', 'coalesce(f."clockStart", f."createdAt")')} END AS d
  FROM w JOIN "GithubItemFact" f ON ${LIVE} AND f.kind = 'pull_request'
    AND ((f.merged AND f."mergedAt" >= w.s AND f."mergedAt" < w.e) OR (f.state = 'CLOSED' AND NOT f.merged AND f."closedAt" >= w.s AND f."closedAt" < w.e)))
SELECT i, (count(*) FILTER (WHERE merged))::int AS merged, (count(*) FILTER (WHERE NOT merged))::int AS unmerged, ${stats("ttm", "d", "merged")}
FROM c GROUP BY i`;

/**
 * Open at an instant = created before it − closes before it + reopens before it (items without such
 * events: their closedAt). Each dated ±1 falls in the bucket of the window ends at or before it
 * (width_bucket over the sorted ends), so the items are read once for all windows (MATERIALIZED: inlined,
 * PostgreSQL re-read them once per window).
 */
const OPEN_AT_END = `WITH ${WINDOWS}, ends AS (SELECT array_agg(DISTINCT w.e ORDER BY w.e) AS a FROM w),
items AS (SELECT f."createdAt", f."closedAt", f.state, f."closeEvents", f."reopenEvents" FROM "GithubItemFact" f
  WHERE ${LIVE} AND f.kind = 'issue' AND f."createdAt" < (SELECT max(e) FROM w)),
d AS (SELECT "createdAt" AS at, 1 AS delta FROM items
  UNION ALL SELECT unnest("closeEvents"), -1 FROM items
  UNION ALL SELECT unnest("reopenEvents"), 1 FROM items
  UNION ALL SELECT "closedAt", -1 FROM items
    WHERE state = 'CLOSED' AND "closedAt" IS NOT NULL AND cardinality("closeEvents") = 0 AND cardinality("reopenEvents") = 0),
b AS MATERIALIZED (SELECT width_bucket(d.at, (SELECT a FROM ends)) AS k, sum(d.delta) AS s FROM d GROUP BY 1)
SELECT w.i, (SELECT coalesce(sum(b.s), 0) FROM b WHERE b.k < array_position((SELECT a FROM ends), w.e)) AS open FROM w`;

export async function getItemKpisFromFacts(ctx: MetricsContext): Promise<KpiValues[]> {
  const critical = ctx.config.criticalLabels.map((l) => l.toLowerCase());
  const [created, closed, pulls, open] = await Promise.all([
    run(
      ctx,
      CREATED,
      ctx.config.ignoreLogins.map((l) => l.toLowerCase()),
    ),
    run(ctx, CLOSED_ISSUES, ctx.config.bugLabel.toLowerCase(), critical),
    run(ctx, PULLS_CLOSED),
    run(ctx, OPEN_AT_END),
  ]);
  return assembleItemKpis(ctx, { created, closed, pulls, open });
}

/** For scripts/bench/explain-facts.ts: each query with its parameters after $1–$3 (default config). */
export const FACT_QUERIES: Array<[string, string, unknown[]]> = [
  ["created", CREATED, [[]]],
  ["closed issues", CLOSED_ISSUES, ["bug", ["p0"]]],
  ["pulls closed", PULLS_CLOSED, []],
  ["open at end", OPEN_AT_END, []],
];
