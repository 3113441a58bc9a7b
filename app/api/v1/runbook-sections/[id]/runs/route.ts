import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { parseBody } from "@/lib/http/body";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { startSectionRun } from "@/lib/runbooks/store/linked-procedures";
import { parseId } from "@/lib/runbooks/http";
import { StartProcedureInput } from "@/lib/runbooks/schemas";

type Context = { params: Promise<{ id: string }> };

/** Start a run of a procedure (an on-demand section), e.g. "Patch release 0.1.3" with `version` and `repo`. */
export const POST = withRoute("/api/v1/runbook-sections/[id]/runs", async (request: NextRequest, context: Context) => {
  const principal = await requirePrincipal(request, "maintainer");
  const id = parseId((await context.params).id, "section");
  const input = await parseBody(request, StartProcedureInput);
  const { run, created } = await startSectionRun({ actor: actorOf(principal, request) }, id, input);
  return NextResponse.json(
    { id: run.id, label: run.label, version: run.version, created },
    { status: created ? 201 : 200 },
  );
});
