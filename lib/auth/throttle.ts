// Login throttling kept in Postgres, so every web instance sees the same counts. An attempt takes
// its slot before the password is checked (under per-account and per-address advisory locks), so
// parallel attempts cannot all pass a check made before any of them was recorded.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const THROTTLE = {
  windowMs: 15 * 60_000,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
} as const;

/** A burst of attempts queues on the locks (each holds them for two reads and an insert); let it wait. */
const RESERVE_TX = { maxWait: 15_000, timeout: 15_000 } as const;

export type ThrottleVerdict = { allowed: false; retryAfterSeconds: number; reason: "account" | "address" };
export type Reservation = { allowed: true; attemptId: bigint } | ThrottleVerdict;

function verdict(rows: { at: Date }[], max: number, reason: "account" | "address", now: Date): ThrottleVerdict | null {
  if (rows.length < max) return null;
  // Allowed again once the oldest failure that still counts leaves the window.
  const oldestCounted = rows[rows.length - max]!.at.getTime();
  const retryAfterSeconds = Math.max(1, Math.ceil((oldestCounted + THROTTLE.windowMs - now.getTime()) / 1000));
  return { allowed: false, retryAfterSeconds, reason };
}

/**
 * Counts recent failures and, if under both limits, records this attempt as a failure at once;
 * `markLoginSucceeded` turns it into a success after the password matched.
 */
export async function reserveLoginAttempt(username: string, ip: string, now = new Date()): Promise<Reservation> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  return db.$transaction(async (tx) => {
    // Always account first, then address: every transaction takes the locks in the same order.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`steward.login.account:${username}`}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`steward.login.address:${ip}`}))`;
    const recent = (where: { username: string } | { ip: string }) =>
      tx.loginAttempt.findMany({
        where: { ...where, success: false, at: { gt: since } },
        orderBy: { at: "asc" },
        select: { at: true },
      });
    const [byAccount, byAddress] = [await recent({ username }), await recent({ ip })];
    const refused =
      verdict(byAccount, THROTTLE.maxFailuresPerAccount, "account", now) ??
      verdict(byAddress, THROTTLE.maxFailuresPerAddress, "address", now);
    if (refused) return refused;
    const attempt = await tx.loginAttempt.create({
      data: { username, ip, success: false, at: now },
      select: { id: true },
    });
    return { allowed: true, attemptId: attempt.id };
  }, RESERVE_TX);
}

export async function markLoginSucceeded(attemptId: bigint): Promise<void> {
  await db.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
}

/** An admin's way to let a person sign in again at once: forgets the account's recent failures. */
export async function clearLoginFailures(username: string, tx: Prisma.TransactionClient = db): Promise<number> {
  const { count } = await tx.loginAttempt.deleteMany({ where: { username, success: false } });
  return count;
}

export async function deleteOldLoginAttempts(now = new Date()): Promise<number> {
  const { count } = await db.loginAttempt.deleteMany({
    where: { at: { lt: new Date(now.getTime() - 7 * 86_400_000) } },
  });
  return count;
}
