// Login throttling kept in Postgres, so every web instance sees the same counts.
import { db } from "@/lib/db";

export const THROTTLE = {
  windowMs: 15 * 60_000,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
} as const;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: "account" | "address" };

export async function checkLoginThrottle(username: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const [byAccount, byAddress] = await Promise.all([
    db.loginAttempt.findMany({
      where: { username, success: false, at: { gt: since } },
      orderBy: { at: "asc" },
      select: { at: true },
    }),
    db.loginAttempt.findMany({
      where: { ip, success: false, at: { gt: since } },
      orderBy: { at: "asc" },
      select: { at: true },
    }),
  ]);
  const verdict = (rows: { at: Date }[], max: number, reason: "account" | "address"): ThrottleVerdict | null => {
    if (rows.length < max) return null;
    // Allowed again once the oldest failure that still counts leaves the window.
    const oldestCounted = rows[rows.length - max]!.at.getTime();
    const retryAfterSeconds = Math.max(1, Math.ceil((oldestCounted + THROTTLE.windowMs - now.getTime()) / 1000));
    return { allowed: false, retryAfterSeconds, reason };
  };
  return (
    verdict(byAccount, THROTTLE.maxFailuresPerAccount, "account") ??
    verdict(byAddress, THROTTLE.maxFailuresPerAddress, "address") ?? { allowed: true }
  );
}

export async function recordLoginAttempt(username: string, ip: string, success: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { username, ip, success } });
}

export async function deleteOldLoginAttempts(now = new Date()): Promise<number> {
  const { count } = await db.loginAttempt.deleteMany({ where: { at: { lt: new Date(now.getTime() - 7 * 86_400_000) } } });
  return count;
}
