import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { parseBody } from "@/lib/http/body";
import { PostmortemInput } from "@/lib/incidents/schemas";
import { savePostmortem } from "@/lib/incidents/lifecycle/edit";
import { getIncident } from "@/lib/incidents/views/queries";
import type { RouteContext } from "@/lib/incidents/http";

/** Saves the postmortem (summary, root cause, impact, timeline excerpt, action items). */
export const PUT = withRoute(
  "/api/v1/incidents/[id]/postmortem",
  async (request: NextRequest, { params }: RouteContext) => {
    const principal = await requirePrincipal(request, "maintainer");
    const { id } = await params;
    const input = await parseBody(request, PostmortemInput, 256 * 1024);
    await getIncident(id);
    await savePostmortem({ actor: actorOf(principal, request) }, id, input);
    return NextResponse.json({ incident: await getIncident(id) });
  },
);
