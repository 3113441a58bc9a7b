/**
 * Sliding-window rate limit kept in PostgreSQL, so every web instance counts the same requests.
 * Two fixed windows per key: the estimate is current + previous × (the share of the previous
 * window still inside the sliding one), as Cloudflare and nginx-style limiters do. The increment
 * is one conditional upsert, so concurrent requests on several instances cannot overshoot.
 * Refused requests are not counted: a client that waits for Retry-After gets through.
 */
import { db, sql } from "@/lib/db";

export type RateLimit = { limit: number; windowMs: number };
export type RateLimitVerdict = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/**
 * The rate limit's statement, with its parameters from `$${first}` on (window starts, limit, share)
 * and the key given as a SQL expression (`key`): a parameter, or a column of `before`, CTEs the
 * statement runs first (a NULL key counts nothing). Returns the previous window's count and the
 * current one after this request, or NULL when the request was not counted.
 */
export function rateLimitStatement(
  key: string,
  first: number,
  before = "",
): { text: string; values: (now: Date, limit: RateLimit) => unknown[] } {
  const p = (i: number) => `$${first + i}`;
  return {
    text: `WITH ${before ? `${before}, ` : ""}previous AS (
      SELECT "count" FROM "RateLimitWindow" WHERE "key" = ${key} AND "windowStart" = ${p(0)}::timestamptz
    ), budget AS (
      SELECT ${p(2)}::float8 - coalesce((SELECT "count" FROM previous), 0) * ${p(3)}::float8 AS "room"
    ), counted AS (
      INSERT INTO "RateLimitWindow" ("key", "windowStart", "count")
      SELECT ${key}, ${p(1)}::timestamptz, 1 FROM budget WHERE "room" >= 1 AND ${key} IS NOT NULL
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitWindow"."count" + 1
      WHERE "RateLimitWindow"."count" + 1 <= (SELECT "room" FROM budget)
      RETURNING "count"
    )`,
    values: (now, { limit, windowMs }) => {
      const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
      const elapsed = (now.getTime() - windowStart) / windowMs;
      return [new Date(windowStart - windowMs), new Date(windowStart), limit, 1 - elapsed];
    },
  };
}

/** The columns a rateLimitStatement's final SELECT returns for verdictOf. */
export const RATE_LIMIT_COLUMNS = `(SELECT "count" FROM previous) AS "previous", (SELECT "count" FROM counted) AS "counted"`;

/** The verdict from the statement's columns; a refused request reads its window's count once more (rare). */
export async function verdictOf(
  row: { previous: number | null; counted: number | null } | undefined,
  key: string,
  { limit, windowMs }: RateLimit,
  now: Date,
): Promise<RateLimitVerdict> {
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  const elapsed = (now.getTime() - windowStart) / windowMs;
  const previous = row?.previous ?? 0;
  const budget = limit - previous * (1 - elapsed); // what the current window may hold now
  if (row?.counted != null) return { allowed: true, remaining: Math.max(0, Math.floor(budget - row.counted)) };
  const current =
    (await db.rateLimitWindow.findUnique({ where: { key_windowStart: { key, windowStart: new Date(windowStart) } } }))
      ?.count ?? 0;
  return {
    allowed: false,
    retryAfterSeconds: retryAfter(limit, current, previous, windowStart, windowMs, now),
  };
}

export async function hitRateLimit(key: string, limit: RateLimit, now = new Date()): Promise<RateLimitVerdict> {
  // One round trip: read the previous window and count this request if the estimate leaves room for it.
  const statement = rateLimitStatement("$1::text", 2);
  const [row] = await sql().query<{ previous: number | null; counted: number | null }>(
    `${statement.text} SELECT ${RATE_LIMIT_COLUMNS}`,
    [key, ...statement.values(now, limit)],
  );
  return verdictOf(row, key, limit, now);
}

/**
 * Seconds until one more request fits. With f the elapsed share of a window, a request fits when
 * current + previous × (1 − f) + 1 ≤ limit. If the current window alone is full, that happens in
 * the next window, where it is the previous one: f ≥ 1 − (limit − 1) / current.
 */
function retryAfter(
  limit: number,
  current: number,
  previous: number,
  windowStart: number,
  windowMs: number,
  now: Date,
): number {
  const at =
    current + 1 <= limit
      ? windowStart + Math.max(0, 1 - (limit - 1 - current) / previous) * windowMs
      : windowStart + windowMs + Math.max(0, 1 - (limit - 1) / current) * windowMs;
  const seconds = Math.ceil((at - now.getTime()) / 1000);
  return Number.isFinite(seconds) ? Math.max(1, seconds) : 1; // NaN only in a race where a request would now fit
}

export async function deleteOldRateLimitWindows(now = new Date()): Promise<number> {
  const { count } = await db.rateLimitWindow.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - 86_400_000) } },
  });
  return count;
}
