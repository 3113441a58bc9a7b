/**
 * Sliding-window rate limit kept in PostgreSQL, so every web instance counts the same requests.
 * Two fixed windows per key: the estimate is current + previous × (the share of the previous
 * window still inside the sliding one), as Cloudflare and nginx-style limiters do. The increment
 * is one conditional upsert, so concurrent requests on several instances cannot overshoot.
 * Refused requests are not counted: a client that waits for Retry-After gets through.
 */
import { db } from "@/lib/db";

export type RateLimit = { limit: number; windowMs: number };
export type RateLimitVerdict = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export async function hitRateLimit(
  key: string,
  { limit, windowMs }: RateLimit,
  now = new Date(),
): Promise<RateLimitVerdict> {
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  const elapsed = (now.getTime() - windowStart) / windowMs;
  const previous = await db.rateLimitWindow.findUnique({
    where: { key_windowStart: { key, windowStart: new Date(windowStart - windowMs) } },
  });
  const carried = (previous?.count ?? 0) * (1 - elapsed);
  const budget = limit - carried; // what the current window may hold now
  const counted =
    budget < 1
      ? []
      : await db.$queryRaw<Array<{ count: number }>>`
          INSERT INTO "RateLimitWindow" ("key", "windowStart", "count") VALUES (${key}, ${new Date(windowStart)}::timestamptz, 1)
          ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitWindow"."count" + 1
          WHERE "RateLimitWindow"."count" + 1 <= ${budget}::float8
          RETURNING "count"`;
  if (counted[0]) return { allowed: true, remaining: Math.max(0, Math.floor(budget - counted[0].count)) };
  const current =
    (await db.rateLimitWindow.findUnique({ where: { key_windowStart: { key, windowStart: new Date(windowStart) } } }))
      ?.count ?? 0;
  return {
    allowed: false,
    retryAfterSeconds: retryAfter(limit, current, previous?.count ?? 0, windowStart, windowMs, now),
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
