import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { parseBody } from "@/lib/http/body";
import { EditIncidentInput } from "@/lib/incidents/schemas";
import { editIncident } from "@/lib/incidents/lifecycle/edit";
import { getIncident } from "@/lib/incidents/views/queries";
import type { RouteContext } from "@/lib/incidents/http";

/** One incident with its timeline (newest first), procedure, targets and postmortem. */
export const GET = withRoute("/api/v1/incidents/[id]", async (request: NextRequest, { params }: RouteContext) => {
  await requirePrincipal(request);
  return NextResponse.json({ incident: await getIncident((await params).id) });
});

/** Corrects fields and timestamps (order validated); every edit is audited. Maintainers and admins. */
export const PATCH = withRoute("/api/v1/incidents/[id]", async (request: NextRequest, { params }: RouteContext) => {
  const principal = await requirePrincipal(request, "maintainer");
  const { id } = await params;
  const input = await parseBody(request, EditIncidentInput);
  await getIncident(id);
  await editIncident({ actor: actorOf(principal, request) }, id, input);
  return NextResponse.json({ incident: await getIncident(id) });
});
