import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { parseBody } from "@/lib/http/body";
import { createMaintenanceWindow, listMaintenance, MaintenanceInput } from "@/lib/incidents/maintenance";

/** Maintenance windows with their occurrences in the next 14 days. Viewers read. */
export const GET = withRoute("/api/v1/maintenance", async (request: NextRequest) => {
  await requirePrincipal(request);
  return NextResponse.json({ windows: await listMaintenance() });
});

/** Schedules maintenance (one-off or recurring RRULE in a time zone). Maintainers and admins. */
export const POST = withRoute("/api/v1/maintenance", async (request: NextRequest) => {
  const principal = await requirePrincipal(request, "maintainer");
  const input = await parseBody(request, MaintenanceInput);
  const window = await createMaintenanceWindow({ actor: actorOf(principal, request) }, input);
  return NextResponse.json({ window: { id: window.id } }, { status: 201 });
});
