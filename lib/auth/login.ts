// Password login: reserve a throttle slot → verify → session, with every outcome written to the audit log.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions";
import { markLoginSucceeded, reserveLoginAttempt } from "@/lib/auth/throttle";

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export async function loginWithPassword(
  username: string,
  password: string,
  meta: { ip: string; userAgent?: string },
): Promise<LoginResult> {
  const verdict = await reserveLoginAttempt(username, meta.ip);
  if (!verdict.allowed) {
    await recordAudit({ action: "login.throttled", target: username, ip: meta.ip, detail: { by: verdict.reason } });
    return { ok: false, reason: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };
  }
  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, active: true, passwordHash: true },
  });
  const valid = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!user || !valid || !user.active) {
    const why = !user ? "unknown user" : !valid ? "wrong password" : "deactivated";
    await recordAudit({ action: "login.failed", actorId: user?.id, target: username, ip: meta.ip, detail: { why } });
    return { ok: false, reason: "invalid" };
  }
  await markLoginSucceeded(verdict.attemptId);
  const session = await createSession(user.id, meta);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAudit({ action: "login", actorId: user.id, target: username, ip: meta.ip });
  return { ok: true, ...session };
}
