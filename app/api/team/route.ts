import { NextResponse, type NextRequest } from "next/server";
import { parseBody } from "@/lib/http/body";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { TeamScheduleInput } from "@/lib/team/schemas";
import { getTeamScheduleView, updateTeamSchedule } from "@/lib/team/schedule";
import { rebuildAllTriageOutcomes } from "@/lib/triage/outcomes";

export const GET = withRoute("/api/team", async (request: NextRequest) => {
  await requirePrincipal(request, "viewer");
  return NextResponse.json({ schedule: await getTeamScheduleView() });
});

export const PUT = withRoute("/api/team", async (request: NextRequest) => {
  const principal = await requirePrincipal(request, "admin");
  const input = await parseBody(request, TeamScheduleInput);
  const schedule = await updateTeamSchedule({ actor: actorOf(principal, request) }, input);
  // Triage clocks depend on the schedule: recompute the metrics' stored outcomes now, not on first read.
  await rebuildAllTriageOutcomes();
  return NextResponse.json({ schedule });
});
