import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { parseBody } from "@/lib/http/body";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { setRunbookActive } from "@/lib/runbooks/store/config";
import { parseId } from "@/lib/runbooks/http";
import { SetActiveInput } from "@/lib/runbooks/schemas";

type Context = { params: Promise<{ id: string }> };

/** Activate (schedule starts now) or pause a runbook. */
export const PATCH = withRoute("/api/v1/runbooks/[id]", async (request: NextRequest, context: Context) => {
  const principal = await requirePrincipal(request, "maintainer");
  const id = parseId((await context.params).id, "runbook");
  const { active } = await parseBody(request, SetActiveInput);
  return NextResponse.json(await setRunbookActive({ actor: actorOf(principal, request) }, id, active));
});
