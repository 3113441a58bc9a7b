import "server-only";

// Stand-in until the team schedule (lib/team/schedule.ts, Settings → Team) is on main: UTC, as the contract's default.
/** The team's IANA time zone, in which every page shows times. */
export async function getTeamTimeZone(): Promise<string> {
  return "UTC";
}
