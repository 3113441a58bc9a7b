// The audit log filter and its keyset pages, against the database.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestUser } from "@/lib/testing/factories";
import { listAuditLog } from "./queries";

describe("listAuditLog", () => {
  it("filters by person, action and day in the team's zone, and pages by id without gaps", async () => {
    const ada = await createTestUser({ role: "admin" });
    const at = (iso: string) => new Date(iso);
    // 23:30 UTC on 1 Nov is 00:30 on 2 Nov in Berlin.
    const rows = [
      { action: "user.created", at: at("2026-11-01T10:00:00Z") },
      { action: "user.created", at: at("2026-11-01T23:30:00Z") },
      { action: "token.created", at: at("2026-11-02T12:00:00Z") },
      { action: "user.created", at: at("2026-11-03T08:00:00Z") },
    ];
    for (const r of rows)
      await db.auditLog.create({ data: { ...r, actorId: ada.id, target: "x", detail: { role: "viewer" } } });

    const mine = await listAuditLog({ user: ada.username });
    expect(mine.rows.map((r) => r.at)).toEqual(rows.map((r) => r.at.toISOString()).reverse());
    expect(mine.rows[0]!.detail).toBe("role: viewer");

    const created = await listAuditLog({ user: ada.username, action: "user.created" });
    expect(created.rows).toHaveLength(3);

    const berlinNov2 = await listAuditLog(
      { user: ada.username, from: "2026-11-02", to: "2026-11-02" },
      { timeZone: "Europe/Berlin" },
    );
    expect(berlinNov2.rows.map((r) => r.at)).toEqual(["2026-11-02T12:00:00.000Z", "2026-11-01T23:30:00.000Z"]);
    const utcNov2 = await listAuditLog({ user: ada.username, from: "2026-11-02", to: "2026-11-02" });
    expect(utcNov2.rows.map((r) => r.at)).toEqual(["2026-11-02T12:00:00.000Z"]);

    const first = await listAuditLog({ user: ada.username }, { limit: 3 });
    expect(first.rows).toHaveLength(3);
    const second = await listAuditLog({ user: ada.username, before: first.nextBefore! }, { limit: 3 });
    expect(second.rows.map((r) => r.at)).toEqual([rows[0]!.at.toISOString()]);
    expect(second.nextBefore).toBeNull();
  });
});
