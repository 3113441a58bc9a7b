import { describe, expect, it } from "vitest";
import { uniqueName } from "@/lib/testing/factories";
import { deleteOldRateLimitWindows, hitRateLimit } from "./rate-limit";

const limit = { limit: 5, windowMs: 60_000 };
const windowStart = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000; // a past, whole window
const at = (seconds: number) => new Date(windowStart + seconds * 1000);

describe("hitRateLimit (sliding window)", () => {
  it("allows the limit, then says when the next request fits, weighting the previous window", async () => {
    const key = uniqueName("rl");
    for (let i = 0; i < 5; i++)
      expect(await hitRateLimit(key, limit, at(10))).toMatchObject({ allowed: true, remaining: 4 - i });
    // 6th at 0:10: the window alone is full. In the next window these 5 weigh 5 × (1 − f), and one
    // more fits once 5 × (1 − f) + 1 ≤ 5, i.e. f ≥ 0.2 → 1:12, which is 62 s away.
    expect(await hitRateLimit(key, limit, at(10))).toEqual({ allowed: false, retryAfterSeconds: 62 });
    expect(await hitRateLimit(key, limit, at(71))).toEqual({ allowed: false, retryAfterSeconds: 1 }); // 5 × 0.817 = 4.08 → 4.08 + 1 > 5
    expect(await hitRateLimit(key, limit, at(72))).toEqual({ allowed: true, remaining: 0 }); // 5 × 0.8 = 4 → room for 1
    // At 1:12 again: 1 + 4 + 1 > 5. Fits when 1 + 5 × (1 − f) + 1 ≤ 5, i.e. f ≥ 0.4 → 1:24, 12 s away.
    expect(await hitRateLimit(key, limit, at(72))).toEqual({ allowed: false, retryAfterSeconds: 12 });
    // Refused requests were not counted: at 1:24 exactly one more fits.
    expect(await hitRateLimit(key, limit, at(84))).toMatchObject({ allowed: true });
    expect(await hitRateLimit(key, limit, at(84))).toMatchObject({ allowed: false });
  });

  it("keeps keys apart", async () => {
    const [a, b] = [uniqueName("rl"), uniqueName("rl")];
    for (let i = 0; i < 5; i++) await hitRateLimit(a, limit, at(1));
    expect((await hitRateLimit(a, limit, at(1))).allowed).toBe(false);
    expect((await hitRateLimit(b, limit, at(1))).allowed).toBe(true);
  });

  it("lets exactly `limit` of many concurrent requests through", async () => {
    const key = uniqueName("rl");
    const verdicts = await Promise.all(
      Array.from({ length: 20 }, () => hitRateLimit(key, { limit: 10, windowMs: 60_000 }, at(30))),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
  });

  it("cleans up windows older than a day", async () => {
    const key = uniqueName("rl");
    await hitRateLimit(key, limit, new Date(Date.now() - 3 * 86_400_000));
    expect(await deleteOldRateLimitWindows()).toBeGreaterThanOrEqual(1);
    expect(
      (await hitRateLimit(key, { limit: 1, windowMs: 60_000 }, new Date(Date.now() - 3 * 86_400_000))).allowed,
    ).toBe(true);
  });
});
