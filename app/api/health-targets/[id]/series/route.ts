import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { ApiError, validationError } from "@/lib/errors";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { SeriesWindowParams } from "@/lib/health/schemas";
import { getTargetSeriesView } from "@/lib/health/series-view";

type Context = { params: Promise<{ id: string }> };

/** Chart data of one target: `?range=1h|6h|24h|7d|30d|90d|365d` (default 24h) or `?from=…&to=…` (ISO 8601). */
export const GET = withRoute("/api/health-targets/[id]/series", async (request: NextRequest, context: Context) => {
  await requirePrincipal(request);
  const window = SeriesWindowParams.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!window.success) throw validationError(window.error);
  const id = z.uuid().safeParse((await context.params).id);
  const series = id.success ? await getTargetSeriesView(id.data, window.data) : null;
  if (!series) throw new ApiError(404, "not_found", "No such health target.");
  return NextResponse.json(series);
});
