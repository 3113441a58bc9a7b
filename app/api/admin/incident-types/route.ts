import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { parseBody } from "@/lib/http/body";
import { getIncidentTypes } from "@/lib/incidents/types";
import { IncidentTypeInput, saveIncidentType } from "@/lib/incidents/types-admin";

/** Incident types with their response and resolution targets and procedure (admins; the board shows them to everyone). */
export const GET = withRoute("/api/admin/incident-types", async (request: NextRequest) => {
  await requirePrincipal(request, "admin");
  return NextResponse.json({ types: await getIncidentTypes() });
});

/** Creates or changes a type (admins). */
export const PUT = withRoute("/api/admin/incident-types", async (request: NextRequest) => {
  const principal = await requirePrincipal(request, "admin");
  const input = await parseBody(request, IncidentTypeInput);
  return NextResponse.json({ type: await saveIncidentType({ actor: actorOf(principal, request) }, input) });
});
