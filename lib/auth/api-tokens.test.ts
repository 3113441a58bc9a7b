// authenticateAndCountApiToken (the push API's one round trip) must answer and count as
// authenticateApiToken, the role check and hitRateLimit do one after the other.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hitRateLimit } from "@/lib/http/rate-limit";
import { createTestApiToken, createTestUser, uniqueName } from "@/lib/testing/factories";
import { authenticateAndCountApiToken, authenticateApiToken } from "./api-tokens";

const limit = { limit: 3, windowMs: 60_000 };
const windowStart = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000; // a past, whole window
const at = (seconds: number) => new Date(windowStart + seconds * 1000);

const counted = async (key: string) =>
  (await db.rateLimitWindow.findMany({ where: { key } })).reduce((n, w) => n + w.count, 0);

describe("authenticateAndCountApiToken", () => {
  it("counts a usable token with the role up to the limit, as hitRateLimit would, in the same windows", async () => {
    const token = await createTestApiToken("maintainer");
    const prefix = `${uniqueName("test")}:`;
    const key = `${prefix}${token.id}`;
    for (let i = 0; i < 2; i++)
      expect(await authenticateAndCountApiToken(token.token, "maintainer", prefix, limit, at(10))).toMatchObject({
        principal: { tokenId: token.id, name: token.name, role: "maintainer" },
        allowed: true,
        key,
        verdict: { allowed: true, remaining: 2 - i },
      });
    expect(await hitRateLimit(key, limit, at(10))).toEqual({ allowed: true, remaining: 0 }); // the third, same key
    const refused = await authenticateAndCountApiToken(token.token, "maintainer", prefix, limit, at(10));
    expect(refused).toMatchObject({ allowed: true, verdict: { allowed: false, retryAfterSeconds: 70 } });
    expect(await counted(key)).toBe(3); // the refused request was not counted
  });

  it("counts nothing for an unknown, revoked or expired token, a deactivated creator's, or too small a role", async () => {
    const prefix = `${uniqueName("test")}:`;
    const viewer = await createTestApiToken("viewer");
    const revoked = await createTestApiToken("maintainer");
    const expired = await createTestApiToken("maintainer");
    const orphaned = await createTestApiToken("maintainer");
    const capped = await createTestApiToken("admin");
    const inactive = await createTestUser({ role: "admin", active: false });
    const creatorViewer = await createTestUser({ role: "viewer" });
    await db.apiToken.update({ where: { id: revoked.id }, data: { revokedAt: at(0) } });
    await db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: at(10) } });
    await db.apiToken.update({ where: { id: orphaned.id }, data: { createdById: inactive.id } });
    await db.apiToken.update({ where: { id: capped.id }, data: { createdById: creatorViewer.id } });
    const ask = (token: string) => authenticateAndCountApiToken(token, "maintainer", prefix, limit, at(10));
    expect(await ask("stw_not-a-real-token")).toEqual({ principal: null });
    expect(await ask("no prefix")).toEqual({ principal: null });
    for (const t of [revoked, expired, orphaned]) {
      expect(await ask(t.token), t.name).toEqual({ principal: null });
      expect(await authenticateApiToken(t.token, at(10)), t.name).toBeNull(); // the same verdict as the plain check
    }
    expect(await ask(viewer.token)).toEqual({
      principal: { tokenId: viewer.id, name: viewer.name, role: "viewer" },
      allowed: false,
    });
    // An admin token made by a user who is now a viewer acts as a viewer (authenticateApiToken caps it too).
    expect(await ask(capped.token)).toMatchObject({ principal: { role: "viewer" }, allowed: false });
    expect((await authenticateApiToken(capped.token, at(10)))?.role).toBe("viewer");
    for (const t of [viewer, revoked, expired, orphaned, capped]) expect(await counted(`${prefix}${t.id}`)).toBe(0);
  });

  it("marks the token used at most once a minute, also when its role is too small", async () => {
    const prefix = `${uniqueName("test")}:`;
    for (const role of ["maintainer", "viewer"] as const) {
      const token = await createTestApiToken(role);
      const lastUsed = async () => (await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt;
      await authenticateAndCountApiToken(token.token, "maintainer", prefix, limit, at(0));
      expect(await lastUsed(), role).toEqual(at(0));
      await authenticateAndCountApiToken(token.token, "maintainer", prefix, limit, at(60));
      expect(await lastUsed(), role).toEqual(at(0));
      await authenticateAndCountApiToken(token.token, "maintainer", prefix, limit, at(61));
      expect(await lastUsed(), role).toEqual(at(61));
    }
  });
});
