// Reads and changes the team schedule (one row). Callers authorize; the change is audited.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/request";
import { DEFAULT_TEAM_SCHEDULE, TeamScheduleInput, type TeamSchedule } from "@/lib/team/schemas";

export type TeamScheduleView = TeamSchedule & { configured: boolean; updatedAt: string | null };

/** The schedule in force; the defaults (UTC, Mon–Fri 09:00–17:00) until an admin saves one. */
export async function getTeamSchedule(client: Pick<typeof db, "teamSettings"> = db): Promise<TeamSchedule> {
  const view = await getTeamScheduleView(client);
  return {
    timeZone: view.timeZone,
    workingDays: view.workingDays,
    workStart: view.workStart,
    workEnd: view.workEnd,
    holidays: view.holidays,
    businessHours: view.businessHours,
  };
}

export async function getTeamScheduleView(client: Pick<typeof db, "teamSettings"> = db): Promise<TeamScheduleView> {
  const row = await client.teamSettings.findUnique({ where: { id: 1 } });
  if (!row) return { ...DEFAULT_TEAM_SCHEDULE, configured: false, updatedAt: null };
  return {
    timeZone: row.timeZone,
    workingDays: row.workingDays,
    workStart: row.workStart,
    workEnd: row.workEnd,
    holidays: row.holidays,
    businessHours: row.businessHours,
    configured: true,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function updateTeamSchedule(ctx: { actor: Actor }, input: TeamScheduleInput): Promise<TeamScheduleView> {
  const data = TeamScheduleInput.parse(input);
  await db.$transaction(async (tx) => {
    const before = await tx.teamSettings.findUnique({ where: { id: 1 } });
    await tx.teamSettings.upsert({
      where: { id: 1 },
      create: { id: 1, ...data, updatedById: ctx.actor.id },
      update: { ...data, updatedById: ctx.actor.id },
    });
    const detail = {
      timeZone: data.timeZone,
      workingDays: data.workingDays,
      hours: `${data.workStart}–${data.workEnd}`,
      holidays: data.holidays.length,
      businessHours: data.businessHours,
      ...(before ? { previousTimeZone: before.timeZone } : {}),
    };
    await recordAudit(
      { action: "team.updated", actorId: ctx.actor.id, target: "team schedule", ip: ctx.actor.ip, detail },
      tx,
    );
  });
  return getTeamScheduleView();
}
