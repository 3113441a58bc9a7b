import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { parseBody } from "@/lib/http/body";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { updateSection } from "@/lib/runbooks/store/config";
import { parseId } from "@/lib/runbooks/http";
import { UpdateSectionInput } from "@/lib/runbooks/schemas";

type Context = { params: Promise<{ id: string }> };

/** Set a section's cadence (RRULE, on demand, business hours only) and due time. */
export const PATCH = withRoute("/api/v1/runbook-sections/[id]", async (request: NextRequest, context: Context) => {
  const principal = await requirePrincipal(request, "maintainer");
  const id = parseId((await context.params).id, "section");
  const input = await parseBody(request, UpdateSectionInput);
  const section = await updateSection({ actor: actorOf(principal, request) }, id, input);
  return NextResponse.json({
    id: section.id,
    rrule: section.rrule,
    onDemand: section.onDemand,
    businessHoursOnly: section.businessHoursOnly,
    dueTime: section.dueTime,
  });
});
