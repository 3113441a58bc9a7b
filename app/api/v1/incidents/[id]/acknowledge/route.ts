import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { ApiError } from "@/lib/errors";
import { acknowledgeIncident } from "@/lib/incidents/lifecycle/lifecycle";
import { getIncident } from "@/lib/incidents/views/queries";
import type { RouteContext } from "@/lib/incidents/http";

/** 200 for the one acknowledgement that wins; 409 naming the earlier acknowledger for the others. */
export const POST = withRoute(
  "/api/v1/incidents/[id]/acknowledge",
  async (request: NextRequest, { params }: RouteContext) => {
    const principal = await requirePrincipal(request, "maintainer");
    const { id } = await params;
    await getIncident(id);
    const result = await acknowledgeIncident({ actor: actorOf(principal, request) }, id);
    if (!result.won)
      throw new ApiError(
        409,
        "conflict",
        `Already acknowledged by ${result.acknowledgedBy} at ${result.acknowledgedAt.toISOString()}.`,
      );
    return NextResponse.json({ incident: await getIncident(id) });
  },
);
