// The report's notable items and the first-response distribution (small lists, read by index from
// the item facts).
import "server-only";
import { runMetricsSql } from "./run-sql";
import type { MetricsConfig, WindowBounds } from "./types";
import { FIRST_COMMENT } from "./facts/queries";

export type NotableItem = { repo: string; number: number; title: string; url: string; seconds: number };
export type Notable = { waiting: NotableItem[]; slowestMerges: NotableItem[] };
export type DistributionBucket = { label: string; count: number };

/** Issues open at the end without a responder's comment before it, longest waiting first; PRs merged in the window, slowest first. */
export async function getNotable(
  repoIds: string[],
  w: WindowBounds,
  config: MetricsConfig,
  limit = 5,
): Promise<Notable> {
  const ignore = config.ignoreLogins.map((l) => l.toLowerCase());
  const [waiting, merges] = await Promise.all([
    runMetricsSql<NotableItem>(
      // The few oldest facts first (in creation order by index), then their titles: joining every
      // candidate issue to its item row first took a scan of all items.
      `WITH pick AS MATERIALIZED (SELECT f."itemId", f."repoId", f."createdAt" FROM "GithubItemFact" f
         WHERE f."repoId" = ANY($1::uuid[]) AND NOT f.removed AND f.kind = 'issue' AND f."createdAt" < $3::timestamptz
           AND (f."closedAt" IS NULL OR f."closedAt" >= $3::timestamptz OR f.state = 'OPEN')
           AND NOT coalesce(${FIRST_COMMENT} < $3::timestamptz, false)
         ORDER BY f."createdAt" ASC LIMIT $2)
       SELECT r.owner || '/' || r.name AS repo, g.number, g.title, g.url, extract(epoch FROM ($3::timestamptz - p."createdAt"))::float8 AS seconds
       FROM pick p JOIN "GithubItem" g ON g.id = p."itemId" JOIN "GithubRepository" r ON r.id = p."repoId"
       ORDER BY p."createdAt" ASC`,
      [repoIds, limit, w.end.toISOString(), ignore],
    ),
    runMetricsSql<NotableItem>(
      `SELECT r.owner || '/' || r.name AS repo, g.number, g.title, g.url, extract(epoch FROM (g."mergedAt" - g."createdAt"))::float8 AS seconds
       FROM "GithubItem" g JOIN "GithubRepository" r ON r.id = g."repoId"
       WHERE g."repoId" = ANY($1::uuid[]) AND g."removedAt" IS NULL AND g.kind = 'pull_request' AND g.merged AND g."mergedAt" >= $3::timestamptz AND g."mergedAt" < $4::timestamptz
       ORDER BY seconds DESC LIMIT $2`,
      [repoIds, limit, w.start.toISOString(), w.end.toISOString()],
    ),
  ]);
  return { waiting, slowestMerges: merges };
}

const BUCKETS: Array<[string, number]> = [
  ["< 1 h", 3600],
  ["1–4 h", 14_400],
  ["4–24 h", 86_400],
  ["1–3 days", 259_200],
  ["3–7 days", 604_800],
  ["1–2 weeks", 1_209_600],
  ["≥ 2 weeks", Infinity],
];

/** Issues created in the window by time to first response (the same cohort as issues.first_response). */
export async function getFirstResponseDistribution(
  repoIds: string[],
  w: WindowBounds,
  config: MetricsConfig,
): Promise<DistributionBucket[]> {
  const ignore = config.ignoreLogins.map((l) => l.toLowerCase());
  const cases = BUCKETS.map(([, upper], i) => (upper === Infinity ? `ELSE ${i}` : `WHEN d < ${upper} THEN ${i}`)).join(
    " ",
  );
  const rows = await runMetricsSql<{ b: number | null; n: number }>(
    `SELECT CASE WHEN d IS NULL THEN NULL ELSE (CASE ${cases} END) END AS b, count(*)::int AS n FROM (
       SELECT extract(epoch FROM (${FIRST_COMMENT} - f."createdAt")) AS d
       FROM "GithubItemFact" f WHERE f."repoId" = ANY($1::uuid[]) AND NOT f.removed AND f.kind = 'issue' AND f."createdAt" >= $2::timestamptz AND f."createdAt" < $3::timestamptz) x
     GROUP BY 1`,
    [repoIds, w.start.toISOString(), w.end.toISOString(), ignore],
  );
  const out = BUCKETS.map(([label], i) => ({ label, count: rows.find((r) => r.b === i)?.n ?? 0 }));
  out.push({ label: "No response yet", count: rows.find((r) => r.b === null)?.n ?? 0 });
  return out;
}
