// KPIs from synced GitHub data, aggregated in the database for several windows at once (the
// current and previous period, or twelve months of trend). Definitions: definitions/.
import { runMetricsSql } from "./run-sql";
import { CLOCK_START, FIRST_DRAFT_EVENT, LIVE_ITEM, WINDOWS, responder, seconds, stats } from "./sql";
import type { KpiValues, MetricsContext } from "./types";

export type Row = Record<string, number | string | null> & { i: number };

export async function run(ctx: MetricsContext, sql: string, ...extra: unknown[]): Promise<Row[]> {
  const params = [
    ctx.repoIds,
    ctx.windows.map((w) => w.start.toISOString()),
    ctx.windows.map((w) => w.end.toISOString()),
    ...extra,
  ];
  return runMetricsSql<Row>(sql, params);
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function putStats(out: KpiValues, id: string, row: Row | undefined, prefix: string): void {
  const count = num(row?.[`${prefix}_count`]) ?? 0;
  for (const stat of ["median", "p90", "mean"])
    out[`${id}.${stat}`] = { value: count === 0 ? null : num(row?.[`${prefix}_${stat}`]), count };
  out[`${id}.count`] = { value: count };
}

// Set-based (joins over the cohort's comments, reviews and draft events), so a year of items is
// aggregated by hash joins rather than one index probe per item.
const CREATED = `WITH ${WINDOWS},
g AS MATERIALIZED (SELECT w.i, g.id, g.kind, g."createdAt", g."authorLogin", g."isDraft"
  FROM w JOIN "GithubItem" g ON ${LIVE_ITEM} AND g."createdAt" >= w.s AND g."createdAt" < w.e),
cr AS (SELECT cm."itemId", min(cm."createdAt") AS at FROM "GithubComment" cm JOIN g ON g.id = cm."itemId" WHERE ${responder("cm")} GROUP BY cm."itemId"),
rr AS (SELECT r."itemId", min(r."submittedAt") AS at FROM "GithubReview" r JOIN g ON g.id = r."itemId"
  WHERE r."submittedAt" IS NOT NULL AND r.state <> 'PENDING' AND ${responder("r")} GROUP BY r."itemId"),
fe AS (SELECT DISTINCT ON (e."itemId") e."itemId", e.kind, e."createdAt" FROM "GithubItemEvent" e JOIN g ON g.id = e."itemId"
  WHERE g.kind = 'pull_request' AND e.kind IN ('ready_for_review', 'convert_to_draft') ORDER BY e."itemId", e."createdAt", e.id),
c AS (SELECT g.i, g.kind, g."createdAt", least(cr.at, rr.at) AS responded, rr.at AS reviewed,
    CASE WHEN g.kind = 'pull_request' THEN ${CLOCK_START} END AS start
  FROM g LEFT JOIN cr ON cr."itemId" = g.id LEFT JOIN rr ON rr."itemId" = g.id LEFT JOIN fe f ON f."itemId" = g.id)
SELECT i, kind, count(*)::int AS opened, (count(*) FILTER (WHERE responded IS NULL))::int AS without,
  ${stats("fr", seconds("responded", '"createdAt"'))},
  ${stats("rv", `greatest(0, ${seconds("reviewed", "start")})`, "start IS NOT NULL AND reviewed IS NOT NULL")}
FROM c GROUP BY i, kind`;

const LABELLED = (
  name: string,
  match: string,
) => `${name} AS (SELECT DISTINCT il."itemId" FROM "GithubItemLabel" il JOIN "GithubLabel" l ON l.id = il."labelId"
  WHERE l."repoId" = ANY($1::uuid[]) AND ${match})`;
const CLOSED_ISSUES = `WITH ${WINDOWS}, ${LABELLED("bugs", "lower(l.name) = $4")}, ${LABELLED("crit", "lower(l.name) = ANY($5::text[])")}, c AS (
  SELECT w.i, ${seconds('g."closedAt"', 'g."createdAt"')} AS d, b."itemId" IS NOT NULL AS bug, k."itemId" IS NOT NULL AS critical
  FROM w JOIN "GithubItem" g ON ${LIVE_ITEM} AND g.kind = 'issue' AND g.state = 'CLOSED' AND g."closedAt" >= w.s AND g."closedAt" < w.e
  LEFT JOIN bugs b ON b."itemId" = g.id LEFT JOIN crit k ON k."itemId" = g.id)
SELECT i, count(*)::int AS closed, ${stats("ttc", "d")}, ${stats("bug", "d", "bug")},
  (count(*) FILTER (WHERE critical))::int AS p0, (count(*) FILTER (WHERE critical AND d <= 604800))::int AS p0_week
FROM c GROUP BY i`;

const PULLS_CLOSED = `WITH ${WINDOWS}, c AS (
  SELECT w.i, coalesce(g.merged, false) AS merged,
    CASE WHEN g.merged THEN ${seconds('g."mergedAt"', `coalesce(${CLOCK_START}, g."createdAt")`)} END AS d
  FROM w JOIN "GithubItem" g ON ${LIVE_ITEM} AND g.kind = 'pull_request'
    AND ((g.merged AND g."mergedAt" >= w.s AND g."mergedAt" < w.e) OR (g.state = 'CLOSED' AND NOT coalesce(g.merged, false) AND g."closedAt" >= w.s AND g."closedAt" < w.e))
  ${FIRST_DRAFT_EVENT})
SELECT i, (count(*) FILTER (WHERE merged))::int AS merged, (count(*) FILTER (WHERE NOT merged))::int AS unmerged, ${stats("ttm", "d", "merged")}
FROM c GROUP BY i`;

/**
 * Open at an instant = created before it − closes before it + reopens before it (items without such
 * events: their closedAt). Every change is a dated ±1, summed per window end.
 */
const OPEN_AT_END = `WITH ${WINDOWS}, items AS MATERIALIZED (
  SELECT g.id, g."createdAt", g."closedAt", g.state FROM "GithubItem" g WHERE ${LIVE_ITEM} AND g.kind = 'issue' AND g."createdAt" < (SELECT max(e) FROM w)),
ev AS MATERIALIZED (SELECT e."itemId", e.kind, e."createdAt" FROM "GithubItemEvent" e JOIN items ON items.id = e."itemId" WHERE e.kind IN ('closed', 'reopened')),
d AS MATERIALIZED (
  SELECT "createdAt" AS at, 1 AS delta FROM items
  UNION ALL SELECT "createdAt", CASE WHEN kind = 'closed' THEN -1 ELSE 1 END FROM ev
  UNION ALL SELECT items."closedAt", -1 FROM items WHERE items.state = 'CLOSED' AND items."closedAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ev WHERE ev."itemId" = items.id))
SELECT w.i, (SELECT coalesce(sum(d.delta), 0) FROM d WHERE d.at < w.e) AS open
FROM w`;

export type ItemKpiRows = { created: Row[]; closed: Row[]; pulls: Row[]; open: Row[] };

export async function getItemKpis(ctx: MetricsContext): Promise<KpiValues[]> {
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

/** The item KPIs of each window from the four queries' rows (shared with the facts path, ./facts/queries.ts). */
export function assembleItemKpis(ctx: MetricsContext, { created, closed, pulls, open }: ItemKpiRows): KpiValues[] {
  return ctx.windows.map((_, i) => {
    const out: KpiValues = {};
    const issues = created.find((r) => r.i === i && r.kind === "issue");
    const prs = created.find((r) => r.i === i && r.kind === "pull_request");
    out["issues.opened"] = { value: num(issues?.opened) ?? 0 };
    putStats(out, "issues.first_response", issues, "fr");
    out["issues.first_response.without"] = { value: num(issues?.without) ?? 0 };
    out["prs.opened"] = { value: num(prs?.opened) ?? 0 };
    putStats(out, "prs.first_response", prs, "fr");
    out["prs.first_response.without"] = { value: num(prs?.without) ?? 0 };
    putStats(out, "prs.time_to_first_review", prs, "rv");
    const c = closed.find((r) => r.i === i);
    out["issues.closed"] = { value: num(c?.closed) ?? 0 };
    putStats(out, "issues.time_to_close", c, "ttc");
    putStats(out, "bugs.mttr", c, "bug");
    const p0 = num(c?.p0) ?? 0;
    out["bugs.p0_within_week"] = { value: p0 === 0 ? null : (num(c?.p0_week) ?? 0) / p0, count: p0 };
    const p = pulls.find((r) => r.i === i);
    const merged = num(p?.merged) ?? 0;
    const unmerged = num(p?.unmerged) ?? 0;
    out["prs.merged"] = { value: merged };
    out["prs.closed_unmerged"] = { value: unmerged };
    out["prs.merge_rate"] = {
      value: merged + unmerged === 0 ? null : merged / (merged + unmerged),
      count: merged + unmerged,
    };
    putStats(out, "prs.time_to_merge", p, "ttm");
    out["issues.open_at_end"] = { value: num(open.find((r) => r.i === i)?.open) ?? 0 };
    return out;
  });
}
