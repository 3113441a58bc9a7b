import { NextResponse, type NextRequest } from "next/server";
import { ApiError, validationError } from "@/lib/errors";
import { routeId, type IdContext } from "@/lib/http/route-params";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { SeriesWindowParams } from "@/lib/health/schemas";
import { getTargetSeriesView } from "@/lib/health/views/series-view";

/** Chart data of one target: `?range=1h|6h|24h|7d|30d|90d|365d` (default 24h) or `?from=…&to=…` (ISO 8601). */
export const GET = withRoute("/api/health-targets/[id]/series", async (request: NextRequest, context: IdContext) => {
  await requirePrincipal(request);
  const window = SeriesWindowParams.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!window.success) throw validationError(window.error);
  const series = await getTargetSeriesView(await routeId(context, "health target"), window.data);
  if (!series) throw new ApiError(404, "not_found", "No such health target.");
  return NextResponse.json(series);
});
