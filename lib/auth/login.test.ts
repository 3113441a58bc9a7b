import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestUser, uniqueName } from "@/lib/testing/factories";
import { loginWithPassword } from "@/lib/auth/login";
import { validateSessionToken, invalidateSessionToken, deleteExpiredSessions } from "@/lib/auth/sessions";
import { hashSecret } from "@/lib/auth/tokens";
import { clearLoginFailures, THROTTLE } from "@/lib/auth/throttle";

const meta = () => ({ ip: `10.0.0.${Math.floor(Math.random() * 250)}`, userAgent: "vitest" });

describe("loginWithPassword", () => {
  it("creates a session whose cookie value is never stored, only its hash", async () => {
    const user = await createTestUser({ role: "maintainer" });
    const result = await loginWithPassword(user.username, user.password, meta());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await db.session.findUnique({ where: { id: result.token } })).toBeNull();
    const stored = await db.session.findUnique({ where: { id: hashSecret(result.token) } });
    expect(stored?.userId).toBe(user.id);
    const session = await validateSessionToken(result.token);
    expect(session?.user).toMatchObject({ id: user.id, role: "maintainer" });
    expect(session?.user).not.toHaveProperty("passwordHash");
    await invalidateSessionToken(result.token);
    expect(await validateSessionToken(result.token)).toBeNull();
  });

  it("refuses a wrong password and a deactivated account, and audits both", async () => {
    const user = await createTestUser();
    expect(await loginWithPassword(user.username, "wrong password!", meta())).toEqual({ ok: false, reason: "invalid" });
    const inactive = await createTestUser({ active: false });
    expect(await loginWithPassword(inactive.username, inactive.password, meta())).toEqual({
      ok: false,
      reason: "invalid",
    });
    const audits = await db.auditLog.findMany({
      where: { target: { in: [user.username, inactive.username] }, action: "login.failed" },
    });
    expect(audits.map((a) => (a.detail as { why: string }).why).sort()).toEqual(["deactivated", "wrong password"]);
  });

  it("throttles an account after repeated failures even with the right password", async () => {
    const user = await createTestUser();
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) {
      await loginWithPassword(user.username, "nope nope nope", meta());
    }
    const result = await loginWithPassword(user.username, user.password, meta());
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ reason: "throttled" });
    if (!result.ok && result.reason === "throttled") {
      expect(result.retryAfterSeconds).toBeGreaterThan(0);
      expect(result.retryAfterSeconds).toBeLessThanOrEqual(THROTTLE.windowMs / 1000);
    }
  });

  it("throttles a client address that tries many accounts", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}-${uniqueName("ip")}`;
    for (let i = 0; i < THROTTLE.maxFailuresPerAddress; i++) {
      await loginWithPassword(uniqueName("ghost"), "whatever", { ip });
    }
    const user = await createTestUser();
    expect(await loginWithPassword(user.username, user.password, { ip })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect((await loginWithPassword(user.username, user.password, meta())).ok).toBe(true);
  });
});

describe("sessions", () => {
  it("rejects and deletes an expired session; cleanup removes only expired ones", async () => {
    const user = await createTestUser();
    const expired = await db.session.create({
      data: { id: uniqueName("expired"), userId: user.id, expiresAt: new Date(Date.now() - 1000) },
    });
    const live = await db.session.create({
      data: { id: uniqueName("live"), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    expect(await deleteExpiredSessions()).toBeGreaterThanOrEqual(1);
    expect(await db.session.findUnique({ where: { id: expired.id } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: live.id } })).not.toBeNull();
  });
});

describe("the login throttle under parallel attempts", () => {
  it("lets at most 5 of 15 parallel wrong passwords reach the password check", async () => {
    const user = await createTestUser();
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        loginWithPassword(user.username, `wrong password ${i}`, { ip: `198.51.100.${i}` }),
      ),
    );
    const checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    expect(checked).toBe(THROTTLE.maxFailuresPerAccount);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(15 - THROTTLE.maxFailuresPerAccount);
    const audited = await db.auditLog.count({ where: { target: user.username, action: "login.failed" } });
    expect(audited).toBe(THROTTLE.maxFailuresPerAccount);
  });

  it("lets at most 20 parallel attempts from one address through, across accounts", async () => {
    const ip = `203.0.113.1-${uniqueName("ip")}`;
    const results = await Promise.all(
      Array.from({ length: 30 }, () => loginWithPassword(uniqueName("ghost"), "whatever", { ip })),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(THROTTLE.maxFailuresPerAddress);
  });

  it("an admin clears an account's failures so its owner can sign in at once", async () => {
    const user = await createTestUser();
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++)
      await loginWithPassword(user.username, "nope nope nope", meta());
    expect(await loginWithPassword(user.username, user.password, meta())).toMatchObject({ reason: "throttled" });
    expect(await clearLoginFailures(user.username)).toBe(THROTTLE.maxFailuresPerAccount);
    expect((await loginWithPassword(user.username, user.password, meta())).ok).toBe(true);
  });
});
