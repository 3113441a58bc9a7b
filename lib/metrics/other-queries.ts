// Alerts, releases, default-branch CI and community KPIs, several windows per query.
import { runMetricsSql } from "./run-sql";
import { WINDOWS } from "./sql";
import type { KpiValues, MetricsContext } from "./types";

type Row = Record<string, number | null> & { i: number };
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function run(ctx: MetricsContext, sql: string): Promise<Row[]> {
  return runMetricsSql<Row>(sql, [
    ctx.repoIds,
    ctx.windows.map((w) => w.start.toISOString()),
    ctx.windows.map((w) => w.end.toISOString()),
  ]);
}

const ALERTS = `WITH ${WINDOWS}
SELECT w.i, ${["CRITICAL", "HIGH", "MODERATE", "LOW"].map((s) => `(count(a.id) FILTER (WHERE a.severity = '${s}'))::int AS "${s.toLowerCase()}"`).join(", ")}, count(a.id)::int AS total
FROM w LEFT JOIN "GithubSecurityAlert" a ON a."repoId" = ANY($1::uuid[]) AND a."createdAt" < w.e
  AND NOT coalesce(a."fixedAt" < w.e, false) AND NOT coalesce(a."dismissedAt" < w.e, false) AND NOT coalesce(a."autoDismissedAt" < w.e, false)
GROUP BY w.i`;

const RELEASES = `WITH ${WINDOWS}
SELECT w.i, count(r.id)::int AS published, (count(r.id) FILTER (WHERE r."isPrerelease"))::int AS pre
FROM w LEFT JOIN "GithubRelease" r ON r."repoId" = ANY($1::uuid[]) AND NOT r."isDraft" AND r."publishedAt" >= w.s AND r."publishedAt" < w.e
GROUP BY w.i`;

/**
 * A suite completes when its last check run does (one backward step of the (suiteId, completedAt) index);
 * a suite without runs (e.g. STARTUP_FAILURE) at its update time. GitHub updates a suite when it completes, so suites updated before the first window
 * cannot complete in any window and are skipped by index.
 */
const CI = `WITH ${WINDOWS}, s AS MATERIALIZED (
  SELECT cs.conclusion, coalesce((SELECT max(r."completedAt") FROM "GithubCheckRun" r WHERE r."suiteId" = cs.id), cs."updatedAt") AS done
  FROM "GithubCheckSuite" cs
  WHERE cs."repoId" = ANY($1::uuid[]) AND cs.status = 'COMPLETED' AND cs."updatedAt" >= (SELECT min(w.s) FROM w)
    AND EXISTS (SELECT 1 FROM "GithubCommit" c WHERE c."repoId" = cs."repoId" AND c.oid = cs."commitOid"))
SELECT w.i, count(s.done)::int AS completed,
  (count(s.done) FILTER (WHERE s.conclusion = 'SUCCESS'))::int AS success,
  (count(s.done) FILTER (WHERE s.conclusion IN ('FAILURE', 'TIMED_OUT', 'CANCELLED', 'ACTION_REQUIRED', 'STARTUP_FAILURE')))::int AS failed
FROM w LEFT JOIN s ON s.done >= w.s AND s.done < w.e GROUP BY w.i`;

/** Per repository, the last daily snapshot whose UTC day ended by each bound; summed over repositories. */
const SNAPSHOT = (bound: string) => `LEFT JOIN LATERAL (SELECT d.stars, d.forks FROM "GithubRepoStatsDaily" d
  WHERE d."repoId" = r.id AND ((d.day + 1)::timestamp AT TIME ZONE 'UTC') <= ${bound} ORDER BY d.day DESC LIMIT 1)`;
const STATS = `WITH ${WINDOWS}
SELECT w.i, count(se.stars)::int AS n_end, count(ss.stars)::int AS n_start,
  sum(se.stars)::int AS stars, sum(se.forks)::int AS forks, sum(ss.stars)::int AS stars0, sum(ss.forks)::int AS forks0
FROM w JOIN "GithubRepository" r ON r.id = ANY($1::uuid[])
${SNAPSHOT("w.e")} se ON true ${SNAPSHOT("w.s")} ss ON true
GROUP BY w.i`;

/** A merged pull request by a user (alias g): the predicate of the partial index "GithubItem_merged_author_idx". */
const MERGED_BY_USER = `g.kind = 'pull_request' AND g.merged AND g."authorType" = 'user' AND g."authorLogin" IS NOT NULL`;
/**
 * Each author's first merge, over the selected repositories: the distinct logins by a skip scan of
 * the (repoId, lower(login), mergedAt) index, then one index step per login for its first merge —
 * about two probes per contributor instead of reading every merged pull request (28,000 at 100,000 items).
 */
const NEW_CONTRIBUTORS = `WITH RECURSIVE ${WINDOWS}, l AS (
  SELECT r.id AS rid, (SELECT lower(g."authorLogin") FROM "GithubItem" g
    WHERE g."repoId" = r.id AND ${MERGED_BY_USER} ORDER BY lower(g."authorLogin") LIMIT 1) AS login
  FROM unnest($1::uuid[]) AS r(id)
  UNION ALL
  SELECT l.rid, (SELECT lower(g."authorLogin") FROM "GithubItem" g
    WHERE g."repoId" = l.rid AND ${MERGED_BY_USER} AND lower(g."authorLogin") > l.login ORDER BY lower(g."authorLogin") LIMIT 1)
  FROM l WHERE l.login IS NOT NULL),
firsts AS (SELECT l.login, min(x.first) AS first FROM l CROSS JOIN LATERAL (SELECT min(g."mergedAt") AS first FROM "GithubItem" g
    WHERE g."repoId" = l.rid AND ${MERGED_BY_USER} AND lower(g."authorLogin") = l.login) x
  WHERE l.login IS NOT NULL GROUP BY l.login)
SELECT w.i, count(f.login)::int AS n FROM w LEFT JOIN firsts f ON f.first >= w.s AND f.first < w.e GROUP BY w.i`;

export async function getOtherKpis(ctx: MetricsContext): Promise<KpiValues[]> {
  const [alerts, releases, ci, stats, contributors] = await Promise.all([
    run(ctx, ALERTS),
    run(ctx, RELEASES),
    run(ctx, CI),
    run(ctx, STATS),
    run(ctx, NEW_CONTRIBUTORS),
  ]);
  return ctx.windows.map((_, i) => {
    const out: KpiValues = {};
    const a = alerts.find((r) => r.i === i);
    for (const s of ["critical", "high", "moderate", "low", "total"])
      out[`alerts.open_at_end.${s}`] = { value: num(a?.[s]) ?? 0 };
    const r = releases.find((x) => x.i === i);
    out["releases.published"] = { value: num(r?.published) ?? 0 };
    out["releases.prereleases"] = { value: num(r?.pre) ?? 0 };
    const c = ci.find((x) => x.i === i);
    const decided = (num(c?.success) ?? 0) + (num(c?.failed) ?? 0);
    out["ci.completed"] = { value: num(c?.completed) ?? 0 };
    out["ci.pass_rate"] = { value: decided === 0 ? null : (num(c?.success) ?? 0) / decided, count: decided };
    const s = stats.find((x) => x.i === i);
    const hasEnd = (num(s?.n_end) ?? 0) > 0;
    const hasBoth = hasEnd && num(s?.n_start) === num(s?.n_end);
    out["community.stars"] = { value: hasEnd ? num(s?.stars) : null };
    out["community.forks"] = { value: hasEnd ? num(s?.forks) : null };
    out["community.stars.change"] = { value: hasBoth ? (num(s?.stars) ?? 0) - (num(s?.stars0) ?? 0) : null };
    out["community.forks.change"] = { value: hasBoth ? (num(s?.forks) ?? 0) - (num(s?.forks0) ?? 0) : null };
    out["community.new_contributors"] = { value: num(contributors.find((x) => x.i === i)?.n) ?? 0 };
    return out;
  });
}
