import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { parseBody } from "@/lib/http/body";
import { getAutoOpenConfig, saveAutoOpenConfig } from "@/lib/incidents/github/settings";
import { AutoOpenInput } from "@/lib/incidents/github/settings-schema";

export const GET = withRoute("/api/admin/incident-auto-open", async (request: NextRequest) => {
  await requirePrincipal(request, "admin");
  return NextResponse.json({ settings: await getAutoOpenConfig() });
});

/** Which GitHub events open incidents: new P0 issues, new security alerts at or above a severity. */
export const PUT = withRoute("/api/admin/incident-auto-open", async (request: NextRequest) => {
  const principal = await requirePrincipal(request, "admin");
  const input = await parseBody(request, AutoOpenInput);
  return NextResponse.json({ settings: await saveAutoOpenConfig({ actor: actorOf(principal, request) }, input) });
});
