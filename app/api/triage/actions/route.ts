import { NextResponse, type NextRequest } from "next/server";
import { parseBody } from "@/lib/http/body";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { runTriageAction } from "@/lib/triage/actions/run";
import { TriageActionRequest } from "@/lib/triage/schemas";

/** Triage actions that write back to GitHub (labels, comment, stale ask/close), one or many items; `confirm: false` previews. */
export const POST = withRoute("/api/triage/actions", async (request: NextRequest) => {
  const principal = await requirePrincipal(request, "maintainer");
  const body = await parseBody(request, TriageActionRequest);
  const report = await runTriageAction({ actor: actorOf(principal, request) }, body);
  return NextResponse.json(report);
});
