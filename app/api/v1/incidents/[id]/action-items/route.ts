import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { ApiError } from "@/lib/errors";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { parseBody } from "@/lib/http/body";
import { createActionItemIssue } from "@/lib/incidents/action-items/create-issue";
import { getActionItemIssues } from "@/lib/incidents/action-items/queries";
import { CreateActionItemIssueInput } from "@/lib/incidents/action-items/schemas";
import type { RouteContext } from "@/lib/incidents/http";

async function incidentId({ params }: RouteContext): Promise<string> {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ApiError(404, "not_found", "No such incident.");
  return id;
}

/** The postmortem's action-item issues (with their GitHub state once synced) and the repositories to choose from. */
export const GET = withRoute(
  "/api/v1/incidents/[id]/action-items",
  async (request: NextRequest, context: RouteContext) => {
    await requirePrincipal(request);
    return NextResponse.json(await getActionItemIssues(await incidentId(context)));
  },
);

/** Creates the GitHub issue of one action item `{"item":0,"repository":"owner/name"}`: 201, or 200 with the existing one. */
export const POST = withRoute(
  "/api/v1/incidents/[id]/action-items",
  async (request: NextRequest, context: RouteContext) => {
    const principal = await requirePrincipal(request, "maintainer");
    const id = await incidentId(context);
    const input = await parseBody(request, CreateActionItemIssueInput);
    const outcome = await createActionItemIssue({ actor: actorOf(principal, request) }, id, input);
    return NextResponse.json(outcome, { status: outcome.created ? 201 : 200 });
  },
);
