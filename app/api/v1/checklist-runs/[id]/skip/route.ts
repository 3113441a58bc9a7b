import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { parseBody } from "@/lib/http/body";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { skipRun } from "@/lib/runbooks/store/runs";
import { parseId } from "@/lib/runbooks/http";
import { SkipRunInput } from "@/lib/runbooks/schemas";

type Context = { params: Promise<{ id: string }> };

/** Skip a whole run, with a reason (a missed run stays overdue until done or skipped). */
export const POST = withRoute("/api/v1/checklist-runs/[id]/skip", async (request: NextRequest, context: Context) => {
  const principal = await requirePrincipal(request, "maintainer");
  const { reason } = await parseBody(request, SkipRunInput);
  await skipRun({ actor: actorOf(principal, request) }, parseId((await context.params).id, "run"), reason);
  return NextResponse.json({ skipped: true });
});
