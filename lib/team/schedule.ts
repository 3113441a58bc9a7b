// STAND-IN until the team schedule lands on main (contract from the brief); replaced at merge.
import "server-only";
import { DEFAULT_TEAM_SCHEDULE, type TeamSchedule } from "./schemas";

export async function getTeamSchedule(): Promise<TeamSchedule> {
  return DEFAULT_TEAM_SCHEDULE;
}
