import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { parseBody } from "@/lib/http/body";
import { validationError } from "@/lib/errors";
import { CreateIncidentInput, ListIncidentsQuery } from "@/lib/incidents/schemas";
import { createIncident } from "@/lib/incidents/lifecycle/lifecycle";
import { getIncident, listIncidents } from "@/lib/incidents/views/queries";

/** Incidents, newest first: ?status=open|resolved|all, ?type, ?severity, ?from, ?to. Viewers read. */
export const GET = withRoute("/api/v1/incidents", async (request: NextRequest) => {
  await requirePrincipal(request);
  const parsed = ListIncidentsQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  return NextResponse.json({ incidents: await listIncidents(parsed.data) });
});

/** Opens an incident by hand. Maintainers and admins. */
export const POST = withRoute("/api/v1/incidents", async (request: NextRequest) => {
  const principal = await requirePrincipal(request, "maintainer");
  const input = await parseBody(request, CreateIncidentInput);
  const incident = await createIncident({ actor: actorOf(principal, request) }, input);
  return NextResponse.json({ incident: await getIncident(incident.id) }, { status: 201 });
});
