// Database sessions: the cookie holds a random secret, the table its SHA-256 (Lucia's published design).
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { generateSecret, hashSecret } from "@/lib/auth/tokens";

export { SESSION_COOKIE } from "@/lib/auth/constants";
const DAY_MS = 86_400_000;

export type SessionUser = { id: string; username: string; displayName: string; role: Role };
export type ValidSession = { sessionId: string; expiresAt: Date; user: SessionUser };

export async function createSession(userId: string, meta: { ip?: string; userAgent?: string }) {
  const token = generateSecret();
  const expiresAt = new Date(Date.now() + getEnv().STEWARD_SESSION_DAYS * DAY_MS);
  await db.session.create({
    data: { id: hashSecret(token), userId, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) },
  });
  return { token, expiresAt };
}

/** Returns the session and its (active) user, extending the session when it is past half its life. */
export async function validateSessionToken(token: string): Promise<ValidSession | null> {
  const id = hashSecret(token);
  const row = await db.session.findUnique({
    where: { id },
    include: { user: { select: { id: true, username: true, displayName: true, role: true, active: true } } },
  });
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now || !row.user.active) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  const lifetimeMs = getEnv().STEWARD_SESSION_DAYS * DAY_MS;
  let expiresAt = row.expiresAt;
  if (expiresAt.getTime() - now < lifetimeMs / 2) {
    expiresAt = new Date(now + lifetimeMs);
    await db.session.update({ where: { id }, data: { expiresAt, lastSeenAt: new Date(now) } });
  }
  const { active: _active, ...user } = row.user;
  return { sessionId: id, expiresAt, user };
}

export async function invalidateSessionToken(token: string): Promise<void> {
  await db.session.deleteMany({ where: { id: hashSecret(token) } });
}

export async function invalidateUserSessions(userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}

export async function deleteExpiredSessions(now = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
