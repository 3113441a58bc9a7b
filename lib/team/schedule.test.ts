import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withIsolatedDatabase } from "@/lib/testing/isolated-database";
import { createTestUser } from "@/lib/testing/factories";
import { getTeamSchedule, getTeamScheduleView, updateTeamSchedule } from "@/lib/team/schedule";

// The team schedule is one row shared by the whole database, read by every triage evaluation: this file
// changes it in a database of its own, so test files running at the same time never see its changes.
withIsolatedDatabase();

describe("team schedule", () => {
  it("defaults to UTC Monday–Friday 09–17, then keeps what an admin saves, audited", async () => {
    await db.teamSettings.deleteMany({});
    expect(await getTeamScheduleView()).toMatchObject({
      timeZone: "UTC",
      workingDays: [1, 2, 3, 4, 5],
      configured: false,
    });
    const admin = await createTestUser({ role: "admin" });
    const saved = await updateTeamSchedule(
      { actor: { id: admin.id, username: admin.username, ip: "127.0.0.1" } },
      {
        timeZone: "Europe/Berlin",
        workingDays: [1, 2, 3, 4],
        workStart: "08:00",
        workEnd: "16:00",
        holidays: ["2026-12-24"],
        businessHours: true,
      },
    );
    expect(saved).toMatchObject({ timeZone: "Europe/Berlin", workingDays: [1, 2, 3, 4], configured: true });
    expect(await getTeamSchedule()).toEqual({
      timeZone: "Europe/Berlin",
      workingDays: [1, 2, 3, 4],
      workStart: "08:00",
      workEnd: "16:00",
      holidays: ["2026-12-24"],
      businessHours: true,
    });
    const audit = await db.auditLog.findFirst({ where: { action: "team.updated", actorId: admin.id } });
    expect(audit?.detail).toMatchObject({ timeZone: "Europe/Berlin", businessHours: true });
  });

  it("refuses an unknown time zone and changes nothing", async () => {
    const admin = await createTestUser({ role: "admin" });
    const before = await getTeamScheduleView();
    await expect(
      updateTeamSchedule(
        { actor: { id: admin.id, username: admin.username, ip: "ip" } },
        { ...before, timeZone: "Nowhere/Land" },
      ),
    ).rejects.toThrow();
    expect((await getTeamScheduleView()).timeZone).toBe(before.timeZone);
  });
});
