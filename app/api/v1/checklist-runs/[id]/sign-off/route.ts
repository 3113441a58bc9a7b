import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { parseBody } from "@/lib/http/body";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { signOffRun } from "@/lib/runbooks/store/runs";
import { parseId } from "@/lib/runbooks/http";
import { SignOffInput } from "@/lib/runbooks/schemas";

type Context = { params: Promise<{ id: string }> };

/** Sign off a run whose items are all done or skipped. The sign-off is written once and never edited. */
export const POST = withRoute(
  "/api/v1/checklist-runs/[id]/sign-off",
  async (request: NextRequest, context: Context) => {
    const principal = await requirePrincipal(request, "maintainer");
    const { note } = await parseBody(request, SignOffInput);
    const signOff = await signOffRun(
      { actor: actorOf(principal, request) },
      parseId((await context.params).id, "run"),
      note,
    );
    return NextResponse.json({ at: signOff.at, byName: signOff.byName, summary: signOff.summary }, { status: 201 });
  },
);
