// Settings → Triage through its route: admins only, validated, stored, audited.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET, PUT } from "@/app/api/admin/triage-settings/[id]/route";
import { db } from "@/lib/db";
import { createTestApiToken } from "@/lib/testing/factories";
import { DEFAULT_TRIAGE_CONFIG } from "./schemas";
import { createTriageRepo } from "./testing";

function call(handler: typeof PUT, id: string, token: string, body?: unknown) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const init = body === undefined ? { method: "GET", headers } : { method: "PUT", headers, body: JSON.stringify(body) };
  return handler(new NextRequest(`http://127.0.0.1:3000/api/admin/triage-settings/${id}`, init), {
    params: Promise.resolve({ id }),
  });
}

describe("/api/admin/triage-settings/<id>", () => {
  it("lets admins change a repository's settings, refuses others and bad values", async () => {
    const repo = await createTriageRepo();
    const [admin, maintainer] = [
      (await createTestApiToken("admin")).token,
      (await createTestApiToken("maintainer")).token,
    ];
    expect((await (await call(GET, repo.id, admin)).json()).config).toEqual(DEFAULT_TRIAGE_CONFIG);
    const changed = { ...DEFAULT_TRIAGE_CONFIG, targets: { ...DEFAULT_TRIAGE_CONFIG.targets, P1: 8 * 3600 } };
    expect((await call(PUT, repo.id, maintainer, changed)).status).toBe(403);
    const bad = await call(PUT, repo.id, admin, { ...changed, staleAskDays: 0 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors).toHaveProperty("staleAskDays");
    expect((await call(PUT, repo.id, admin, changed)).status).toBe(200);
    expect((await (await call(GET, repo.id, admin)).json()).config.targets.P1).toBe(8 * 3600);
    expect(
      await db.auditLog.findFirst({
        where: { action: "triage_settings.updated", target: `${repo.owner}/${repo.name}` },
      }),
    ).toMatchObject({ detail: { changed: ["targets"] } });
    expect((await call(GET, "not-a-uuid", admin)).status).toBe(404);
  });
});
