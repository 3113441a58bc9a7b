import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { ResolveInput } from "@/lib/incidents/schemas";
import { resolveIncident } from "@/lib/incidents/lifecycle/lifecycle";
import { getIncident } from "@/lib/incidents/views/queries";
import { parseOptionalBody, type RouteContext } from "@/lib/incidents/http";

/** Resolves the incident (optional {"message","resolvedAt"}); an already resolved one → 409. */
export const POST = withRoute(
  "/api/v1/incidents/[id]/resolve",
  async (request: NextRequest, { params }: RouteContext) => {
    const principal = await requirePrincipal(request, "maintainer");
    const { id } = await params;
    const input = await parseOptionalBody(request, ResolveInput);
    await getIncident(id);
    await resolveIncident({ actor: actorOf(principal, request) }, id, input);
    return NextResponse.json({ incident: await getIncident(id) });
  },
);
