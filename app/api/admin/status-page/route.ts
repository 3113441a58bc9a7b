import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { parseBody } from "@/lib/http/body";
import { getStatusPageSettings, StatusPageInput, updateStatusPageSettings } from "@/lib/incidents/status-page";

export const GET = withRoute("/api/admin/status-page", async (request: NextRequest) => {
  await requirePrincipal(request, "admin");
  return NextResponse.json({ settings: await getStatusPageSettings() });
});

/** Turns the public status page (/status) on or off, with its title and the service groups shown. */
export const PUT = withRoute("/api/admin/status-page", async (request: NextRequest) => {
  const principal = await requirePrincipal(request, "admin");
  const input = await parseBody(request, StatusPageInput);
  return NextResponse.json({ settings: await updateStatusPageSettings({ actor: actorOf(principal, request) }, input) });
});
