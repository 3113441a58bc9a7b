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

export async function hitRateLimit(
  key: string,
  { limit, windowMs }: RateLimit,
  now = new Date(),
): Promise<RateLimitVerdict> {
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  const elapsed = (now.getTime() - windowStart) / windowMs;
  // One round trip: read the previous window and count this request if the estimate leaves room for it.
  const [row] = await sql().query<{ previous: number | null; counted: number | null }>(
    `WITH previous AS (
      SELECT "count" FROM "RateLimitWindow" WHERE "key" = $1 AND "windowStart" = $2::timestamptz
    ), budget AS (
      SELECT $4::float8 - coalesce((SELECT "count" FROM previous), 0) * $5::float8 AS "room"
    ), counted AS (
      INSERT INTO "RateLimitWindow" ("key", "windowStart", "count")
      SELECT $1, $3::timestamptz, 1 FROM budget WHERE "room" >= 1
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitWindow"."count" + 1
      WHERE "RateLimitWindow"."count" + 1 <= (SELECT "room" FROM budget)
      RETURNING "count"
    )
    SELECT (SELECT "count" FROM previous) AS "previous", (SELECT "count" FROM counted) AS "counted"`,
    [key, new Date(windowStart - windowMs), new Date(windowStart), limit, 1 - elapsed],
  );
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
