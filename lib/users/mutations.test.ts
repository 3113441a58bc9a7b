import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { createTestApiToken, createTestUser, uniqueName } from "@/lib/testing/factories";
import { authenticateApiToken } from "@/lib/auth/api-tokens";
import { createUser, updateUser } from "@/lib/users/mutations";
import { createSession } from "@/lib/auth/sessions";
import { verifyPassword } from "@/lib/auth/password";

describe("user mutations", () => {
  it("stores an argon2id hash, never the password, and audits the creation", async () => {
    const admin = await createTestUser({ role: "admin" });
    const username = uniqueName("new");
    const user = await createUser(
      { username, displayName: "New", password: "a fine password", role: "maintainer" },
      admin.id,
      "127.0.0.1",
    );
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("a fine password");
    expect(await verifyPassword(row.passwordHash, "a fine password")).toBe(true);
    const audit = await db.auditLog.findFirst({ where: { action: "user.created", target: username } });
    expect(audit?.actorId).toBe(admin.id);
  });

  it("reports a taken username as a field error", async () => {
    const existing = await createTestUser();
    await expect(
      createUser(
        { username: existing.username, displayName: "Dup", password: "a fine password", role: "viewer" },
        null,
        "ip",
      ),
    ).rejects.toMatchObject({ status: 409, fieldErrors: { username: ["Taken."] } });
  });

  it("deactivating a user ends their sessions; an admin cannot deactivate or demote themself", async () => {
    const admin = await createTestUser({ role: "admin" });
    const user = await createTestUser();
    await createSession(user.id, {});
    await updateUser(user.id, { active: false }, admin.id, "ip");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    await expect(updateUser(admin.id, { role: "viewer" }, admin.id, "ip")).rejects.toBeInstanceOf(ApiError);
    await expect(updateUser(admin.id, { active: false }, admin.id, "ip")).rejects.toMatchObject({ status: 409 });
  });

  it("records a role change with its before and after", async () => {
    const admin = await createTestUser({ role: "admin" });
    const user = await createTestUser({ role: "viewer" });
    await updateUser(user.id, { role: "maintainer" }, admin.id, "ip");
    const audit = await db.auditLog.findFirst({ where: { action: "user.role_changed", target: user.username } });
    expect(audit?.detail).toEqual({ from: "viewer", to: "maintainer" });
  });
});

describe("API token authentication follows the token's creator", () => {
  it("refuses a token whose creator is deactivated and caps one whose creator has a lower role", async () => {
    const creator = await createTestUser({ role: "maintainer" });
    const token = await createTestApiToken("admin");
    await db.apiToken.update({ where: { id: token.id }, data: { createdById: creator.id } });
    expect((await authenticateApiToken(token.token))?.role).toBe("maintainer");
    await db.user.update({ where: { id: creator.id }, data: { active: false } });
    expect(await authenticateApiToken(token.token)).toBeNull();
  });
});
