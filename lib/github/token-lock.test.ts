// Two processes (two TokenLocks, each with its own connection) never run requests for one token at
// the same time; different tokens don't wait for each other. Needs a real PostgreSQL: PGlite is a
// single shared session, where advisory locks exclude nothing (and steward doesn't use the lock).
import { afterAll, describe, expect, it } from "vitest";
import { getDatabaseUrl } from "@/lib/db";
import { testDatabaseKind } from "@/lib/testing/databases";
import { closeTokenLocks, TokenLock, tokenLockFor, tokenLockKey } from "./token-lock";

const locks = [new TokenLock(getDatabaseUrl()), new TokenLock(getDatabaseUrl())];
afterAll(() => Promise.all(locks.map((l) => l.close())));

async function overlap(tokens: [string, string]): Promise<number> {
  let inFlight = 0;
  let most = 0;
  const work = async () => {
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 40));
    inFlight--;
  };
  await Promise.all(
    locks.map(async (lock, i) => {
      for (let n = 0; n < 4; n++) await lock.run(tokens[i]!, work);
    }),
  );
  return most;
}

describe("the cross-process token lock", () => {
  it("keys the lock by a hash, not the token", () => {
    expect(tokenLockKey("ghp_secret")).toMatch(/^-?\d+$/);
    expect(tokenLockKey("ghp_secret")).not.toBe(tokenLockKey("ghp_other"));
  });

  it.skipIf(testDatabaseKind() === "pglite")(
    "lets one process at a time send for a token, and never holds up another token",
    async () => {
      expect(await overlap(["same-token", "same-token"])).toBe(1);
      expect(await overlap(["token-a", "token-b"])).toBe(2);
    },
  );

  it.skipIf(testDatabaseKind() === "pglite")(
    "keeps the lock over back-to-back runs and lets it go when none follows",
    async () => {
      const [mine, other] = [new TokenLock(getDatabaseUrl()), new TokenLock(getDatabaseUrl())];
      try {
        const inOrder: number[] = [];
        await Promise.all([1, 2, 3].map((n) => mine.run("held-token", async () => void inOrder.push(n))));
        for (let n = 4; n <= 5; n++) await mine.run("held-token", async () => void inOrder.push(n));
        expect(inOrder).toEqual([1, 2, 3, 4, 5]);
        expect(mine.acquisitions).toBe(1);
        // Nothing follows: released at the end of the tick, so another process gets it.
        expect(await other.run("held-token", async () => "other ran")).toBe("other ran");
        await new Promise((resolve) => setTimeout(resolve, 20));
        await mine.run("held-token", async () => undefined);
        expect(mine.acquisitions).toBe(2);
      } finally {
        await Promise.all([mine.close(), other.close()]);
      }
    },
  );

  it("never overlaps two runs for one token in one process", async () => {
    const lock = new TokenLock(getDatabaseUrl());
    let inFlight = 0;
    let most = 0;
    const work = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
    };
    await Promise.all(Array.from({ length: 4 }, () => lock.run("one-process", work)));
    await lock.close();
    expect(most).toBe(1);
  });

  it("releases the lock when the work fails", async () => {
    await expect(locks[0]!.run("failing", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await locks[1]!.run("failing", async () => "next one ran")).toBe("next one ran");
  });

  it.skipIf(testDatabaseKind() === "pglite")("closes the process's lock connections so a script can exit", async () => {
    const shared = tokenLockFor(getDatabaseUrl());
    expect(tokenLockFor(getDatabaseUrl())).toBe(shared);
    await shared.run("shared", async () => undefined);
    expect(shared.connected).toBe(true);
    await closeTokenLocks();
    expect(shared.connected).toBe(false);
    expect(tokenLockFor(getDatabaseUrl())).not.toBe(shared); // a later use opens a new one
    await closeTokenLocks();
  });
});
