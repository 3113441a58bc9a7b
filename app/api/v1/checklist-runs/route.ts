import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { parseBody } from "@/lib/http/body";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { startIncidentProcedure, startReleaseProcedure } from "@/lib/runbooks/store/linked-procedures";
import { StartLinkedRunInput } from "@/lib/runbooks/schemas";

/**
 * Start the procedure run of an incident (its type's emergency procedure) or of a release version (the release
 * procedure). 201 with the new run, or 200 with the run already started for it.
 */
export const POST = withRoute("/api/v1/checklist-runs", async (request: NextRequest) => {
  const principal = await requirePrincipal(request, "maintainer");
  const input = await parseBody(request, StartLinkedRunInput);
  const ctx = { actor: actorOf(principal, request) };
  const { run, created } =
    input.from === "incident"
      ? await startIncidentProcedure(ctx, input.incidentId)
      : await startReleaseProcedure(ctx, { repo: input.repo, version: input.version });
  return NextResponse.json(
    { id: run.id, label: run.label, version: run.version, incidentId: run.incidentId, created },
    { status: created ? 201 : 200 },
  );
});
