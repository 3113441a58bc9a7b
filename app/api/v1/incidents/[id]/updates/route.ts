import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { parseBody } from "@/lib/http/body";
import { AddUpdateInput } from "@/lib/incidents/schemas";
import { addIncidentUpdate } from "@/lib/incidents/lifecycle/lifecycle";
import { getIncident } from "@/lib/incidents/views/queries";
import type { RouteContext } from "@/lib/incidents/http";

/** A status update or note (markdown), optionally changing the status; invalid transitions → 409. */
export const POST = withRoute(
  "/api/v1/incidents/[id]/updates",
  async (request: NextRequest, { params }: RouteContext) => {
    const principal = await requirePrincipal(request, "maintainer");
    const { id } = await params;
    const input = await parseBody(request, AddUpdateInput);
    await getIncident(id);
    await addIncidentUpdate({ actor: actorOf(principal, request) }, id, input);
    return NextResponse.json({ incident: await getIncident(id) }, { status: 201 });
  },
);
