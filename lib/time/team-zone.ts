import "server-only";
import { getTeamSchedule } from "@/lib/team/schedule";

/** The team's IANA time zone (Settings → Team; UTC until set), in which every page shows times. */
export async function getTeamTimeZone(): Promise<string> {
  return (await getTeamSchedule()).timeZone;
}
