import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { deleteMaintenanceWindow } from "@/lib/incidents/maintenance";
import type { RouteContext } from "@/lib/incidents/http";

export const DELETE = withRoute("/api/v1/maintenance/[id]", async (request: NextRequest, { params }: RouteContext) => {
  const principal = await requirePrincipal(request, "maintainer");
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id))
    return NextResponse.json({ error: { code: "not_found", message: "No such maintenance window." } }, { status: 404 });
  await deleteMaintenanceWindow({ actor: actorOf(principal, request) }, id);
  return NextResponse.json({ id });
});
