// SQL building blocks shared by the KPI queries. Constant strings only: every value is a bind
// parameter ($1 repository ids, $2 window starts, $3 window ends, then per query).
export const WINDOWS = `w AS (SELECT t.s, t.e, (t.i - 1)::int AS i FROM unnest($2::text[]::timestamptz[], $3::text[]::timestamptz[]) WITH ORDINALITY AS t(s, e, i))`;

/** Median (percentile_cont = mean of the two middle values), p90 by nearest rank (percentile_disc), mean, count. */
export function stats(prefix: string, seconds: string, filter = "TRUE"): string {
  return [
    `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds}) FILTER (WHERE ${filter}) AS "${prefix}_median"`,
    `percentile_disc(0.9) WITHIN GROUP (ORDER BY ${seconds}) FILTER (WHERE ${filter}) AS "${prefix}_p90"`,
    // The sum of whole milliseconds (times are stored to the millisecond) is exact, so the mean does not
    // depend on the order rows arrive in; one float division rounds it (avg over numeric cost 5× more).
    `((sum(round((${seconds}) * 1000)::int8) FILTER (WHERE ${filter}))::float8
      / nullif(1000 * count(${seconds}) FILTER (WHERE ${filter}), 0)::float8) AS "${prefix}_mean"`,
    `(count(${seconds}) FILTER (WHERE ${filter}))::int AS "${prefix}_count"`,
  ].join(",\n");
}

/** Seconds between two instants, as float8 (date_part: extract's exact numeric cost twice the whole query). */
export const seconds = (to: string, from: string) => `date_part('epoch', ${to} - ${from})`;

/** A responder's row (alias a): a user, not deleted, not the item's (alias g) author, not ignored ($4 or `ignore`). */
export function responder(a: string, ignore = "$4"): string {
  return `${a}."authorType" = 'user' AND ${a}."authorLogin" IS NOT NULL
    AND lower(${a}."authorLogin") <> lower(coalesce(g."authorLogin", ''))
    AND lower(${a}."authorLogin") <> ALL(${ignore}::text[])`;
}

/** Clock start of a pull request (alias g, lateral f = its first ready_for_review / convert_to_draft event). */
export const CLOCK_START = `CASE WHEN f.kind = 'ready_for_review' THEN f."createdAt"
  WHEN f.kind = 'convert_to_draft' THEN g."createdAt"
  WHEN coalesce(g."isDraft", false) THEN NULL ELSE g."createdAt" END`;

export const FIRST_DRAFT_EVENT = `LEFT JOIN LATERAL (SELECT e.kind, e."createdAt" FROM "GithubItemEvent" e
  WHERE e."itemId" = g.id AND e.kind IN ('ready_for_review', 'convert_to_draft') ORDER BY e."createdAt", e.id LIMIT 1) f ON g.kind = 'pull_request'`;

export const LIVE_ITEM = `g."repoId" = ANY($1::uuid[]) AND g."removedAt" IS NULL`;
