import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { getHealthOverviewView } from "@/lib/health/views/overview-view";

/** The health overview (every target, problems first); the overview page refreshes itself from here. */
export const GET = withRoute("/api/health-targets", async (request: NextRequest) => {
  await requirePrincipal(request);
  return NextResponse.json(await getHealthOverviewView());
});
