// The item KPIs read from GithubItemFact (one row per issue / pull request with its derived times),
// by index on the window's bounds: no comment, review or event rows are read per request.
// Definitions: ../definitions/; the direct queries they must agree with: ../github-queries.ts.
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

/**
 * The facts of the windows' whole span, read once (twelve index scans, one per window, visited a
 * heap page per row), each placed in the window it falls in by a binary search over the sorted
 * starts (width_bucket). Windows must not overlap (getItemKpisFromFacts splits those that do).
 * `at`: the instant that places a fact; `where` narrows the facts; `cols`: what x carries on.
 */
const SPAN = (at: string, where: string, cols: string) => `${WINDOWS}, ${BOUNDS},
x AS MATERIALIZED (${PLACED(at, where, cols)})`;
export const BOUNDS = `ws AS (SELECT array_agg(s ORDER BY s) AS starts, array_agg(e ORDER BY s) AS ends, array_agg(i ORDER BY s) AS idx,
  min(s) AS lo, max(e) AS hi FROM w)`;
const PLACED = (
  at: string,
  where: string,
  cols: string,
) => `SELECT ws.idx[b.k] AS i, ${cols} FROM ws, "GithubItemFact" f
  CROSS JOIN LATERAL (SELECT width_bucket(${at}, ws.starts) AS k) b
  WHERE ${LIVE} AND ${where} AND ${at} >= ws.lo AND ${at} < ws.hi AND ${at} < ws.ends[b.k]`;

/**
 * `ignoring`: the ignore list ($4) is not empty (else the stored first times are read as they are).
 * Aggregated per window in a LATERAL (one index range each): a window's few thousand rows are sorted
 * for its percentiles in memory, where placing a year's rows first and sorting them all by window
 * cost about 210 ms of database CPU at 100,000 items against 155 ms. OFFSET 0 keeps c a subquery, so
 * fr and rv are computed once per row rather than inlined into each of the ten aggregates (104 ms).
 */
const CREATED = (ignoring: boolean) => `WITH ${WINDOWS}
SELECT w.i, a.* FROM w CROSS JOIN LATERAL (
  SELECT kind, count(*)::int AS opened, (count(*) FILTER (WHERE fr IS NULL))::int AS without,
    ${stats("fr", "fr")}, ${stats("rv", "rv")}
  FROM (SELECT x.kind, ${seconds("least(commented, reviewed)", 'x."createdAt"')} AS fr,
      CASE WHEN start IS NOT NULL AND reviewed IS NOT NULL THEN greatest(0, ${seconds("reviewed", "start")}) END AS rv
    FROM (SELECT f.kind, f."createdAt", f."clockStart" AS start,
        ${ignoring ? FIRST_COMMENT : 'f."firstCommentAt"'} AS commented, ${ignoring ? FIRST_REVIEW : 'f."firstReviewAt"'} AS reviewed
      FROM "GithubItemFact" f WHERE ${LIVE} AND f."createdAt" >= w.s AND f."createdAt" < w.e) x OFFSET 0) c
  GROUP BY kind) a`;

/** The closed issues (x) that carry a matching label: probed per item for a short span, hashed for a long one. */
const LABELLED = (name: string, match: string) =>
  `${name} AS (SELECT DISTINCT il."itemId" FROM x JOIN "GithubItemLabel" il ON il."itemId" = x."itemId"
  JOIN "GithubLabel" l ON l.id = il."labelId" WHERE l."repoId" = ANY($1::uuid[]) AND ${match})`;
const CLOSED_ISSUES = `WITH ${SPAN('f."closedAt"', `f.kind = 'issue' AND f.state = 'CLOSED'`, `f."itemId", ${seconds('f."closedAt"', 'f."createdAt"')} AS d`)},
${LABELLED("bugs", "lower(l.name) = $4")}, ${LABELLED("crit", "lower(l.name) = ANY($5::text[])")}, c AS (
  SELECT x.i, x.d, b."itemId" IS NOT NULL AS bug, k."itemId" IS NOT NULL AS critical
  FROM x LEFT JOIN bugs b ON b."itemId" = x."itemId" LEFT JOIN crit k ON k."itemId" = x."itemId")
SELECT i, count(*)::int AS closed, ${stats("ttc", "d")}, ${stats("bug", "d", "bug")},
  (count(*) FILTER (WHERE critical))::int AS p0, (count(*) FILTER (WHERE critical AND d <= 604800))::int AS p0_week
FROM c GROUP BY i`;

/** A pull request is placed by its merge, or by its close when closed unmerged (each read by its index). */
const PULLS_CLOSED = `WITH ${WINDOWS}, ${BOUNDS},
x AS MATERIALIZED (${PLACED('f."mergedAt"', "f.kind = 'pull_request' AND f.merged", `true AS merged, ${seconds('f."mergedAt"', 'coalesce(f."clockStart", f."createdAt")')} AS d`)}
  UNION ALL ${PLACED('f."closedAt"', "f.kind = 'pull_request' AND NOT f.merged AND f.state = 'CLOSED'", "false, NULL::float8")})
SELECT i, (count(*) FILTER (WHERE merged))::int AS merged, (count(*) FILTER (WHERE NOT merged))::int AS unmerged, ${stats("ttm", "d", "merged")}
FROM x GROUP BY i`;

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

/** Windows sorted by start, each ending at or before the next one's start (what SPAN needs). */
export function disjoint(windows: MetricsContext["windows"]): boolean {
  const sorted = [...windows].sort((a, b) => a.start.getTime() - b.start.getTime());
  return sorted.every((w, i) => i === 0 || sorted[i - 1]!.end.getTime() <= w.start.getTime());
}

/** The item KPIs of each window, four queries over the facts of all the windows at once. */
export async function getItemKpisFromFacts(ctx: MetricsContext): Promise<KpiValues[]> {
  if (!disjoint(ctx.windows)) {
    const each = await Promise.all(ctx.windows.map((w) => getItemKpisFromFacts({ ...ctx, windows: [w] })));
    return each.map((values) => values[0]!);
  }
  const ignore = ctx.config.ignoreLogins.map((l) => l.toLowerCase());
  const critical = ctx.config.criticalLabels.map((l) => l.toLowerCase());
  const [created, closed, pulls, open] = await Promise.all([
    ignore.length > 0 ? run(ctx, CREATED(true), ignore) : run(ctx, CREATED(false)),
    run(ctx, CLOSED_ISSUES, ctx.config.bugLabel.toLowerCase(), critical),
    run(ctx, PULLS_CLOSED),
    run(ctx, OPEN_AT_END),
  ]);
  return assembleItemKpis(ctx, { created, closed, pulls, open });
}

/** For scripts/bench/explain-facts.ts: each query with its parameters after $1–$3 (default config). */
export const FACT_QUERIES: Array<[string, string, unknown[]]> = [
  ["created", CREATED(false), []],
  ["closed issues", CLOSED_ISSUES, ["bug", ["p0"]]],
  ["pulls closed", PULLS_CLOSED, []],
  ["open at end", OPEN_AT_END, []],
];
