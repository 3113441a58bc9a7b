// The team schedule for code the worker runs. lib/team/schedule.ts is marked server-only, which plain Node
// (the worker, scripts) refuses to load, so this reads the same row the same way, without that marker.
import { db } from "@/lib/db";
import { DEFAULT_TEAM_SCHEDULE, type TeamSchedule } from "@/lib/team/schemas";

export async function readTeamSchedule(): Promise<TeamSchedule> {
  const row = await db.teamSettings.findUnique({ where: { id: 1 } });
  if (!row) return DEFAULT_TEAM_SCHEDULE;
  return { timeZone: row.timeZone, workingDays: row.workingDays, workStart: row.workStart, workEnd: row.workEnd, holidays: row.holidays, businessHours: row.businessHours };
}
