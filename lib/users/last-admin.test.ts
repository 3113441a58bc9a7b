// Runs on its own database: "active admins" is a fact about the whole table.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestApiToken, createTestUser } from "@/lib/testing/factories";
import { withIsolatedDatabase } from "@/lib/testing/isolated-database";
import { updateUser } from "@/lib/users/mutations";

withIsolatedDatabase();

describe("the last active admin", () => {
  it("cannot be removed by parallel changes from token callers (no actor id)", async () => {
    const [a, b] = [await createTestUser({ role: "admin" }), await createTestUser({ role: "admin" })];
    const results = await Promise.allSettled([
      updateUser(a.id, { active: false }, null, "token"),
      updateUser(b.id, { active: false }, null, "token"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { status: 409 } });
    expect(await db.user.count({ where: { role: "admin", active: true } })).toBe(1);

    const survivor = (await db.user.findFirstOrThrow({ where: { role: "admin", active: true } })).id;
    await expect(updateUser(survivor, { role: "maintainer" }, null, "token")).rejects.toMatchObject({ status: 409 });
    // Demoting one and deactivating the other at once is refused too.
    const third = await createTestUser({ role: "admin" });
    const mixed = await Promise.allSettled([
      updateUser(survivor, { role: "viewer" }, null, "t"),
      updateUser(third.id, { active: false }, null, "t"),
    ]);
    expect(mixed.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { role: "admin", active: true } })).toBe(1);
  });
});

describe("API tokens of a changed user", () => {
  it("are revoked when the user is deactivated and capped when the role is lowered, with audit rows", async () => {
    const admin = await createTestUser({ role: "admin" });
    const creator = await createTestUser({ role: "admin" });
    const adminToken = await createTestApiToken("admin");
    const viewerToken = await createTestApiToken("viewer");
    await db.apiToken.updateMany({
      where: { id: { in: [adminToken.id, viewerToken.id] } },
      data: { createdById: creator.id },
    });

    await updateUser(creator.id, { role: "maintainer" }, admin.id, "ip");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: adminToken.id } })).role).toBe("maintainer");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: viewerToken.id } })).role).toBe("viewer");
    expect(await db.auditLog.count({ where: { action: "token.role_capped", target: adminToken.name } })).toBe(1);

    await updateUser(creator.id, { active: false }, admin.id, "ip");
    const after = await db.apiToken.findMany({ where: { id: { in: [adminToken.id, viewerToken.id] } } });
    expect(after.every((t) => t.revokedAt !== null)).toBe(true);
    expect(
      await db.auditLog.count({
        where: { action: "token.revoked", target: { in: [adminToken.name, viewerToken.name] } },
      }),
    ).toBe(2);
  });
});
