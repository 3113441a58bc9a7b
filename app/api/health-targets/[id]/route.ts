import { NextResponse, type NextRequest } from "next/server";
import { ApiError } from "@/lib/errors";
import { routeId, type IdContext } from "@/lib/http/route-params";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { getTargetDetailView } from "@/lib/health/views/detail-view";

/** One target's state, last check, uptime, thresholds and alert history (the longer failure excerpt for admins only). */
export const GET = withRoute("/api/health-targets/[id]", async (request: NextRequest, context: IdContext) => {
  const principal = await requirePrincipal(request);
  const detail = await getTargetDetailView(await routeId(context, "health target"), principal);
  if (!detail) throw new ApiError(404, "not_found", "No such health target.");
  return NextResponse.json(detail);
});
