import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { ApiError } from "@/lib/errors";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { getTargetDetailView } from "@/lib/health/detail-view";

type Context = { params: Promise<{ id: string }> };

/** One target's state, last check, uptime, thresholds and alert history. */
export const GET = withRoute("/api/health-targets/[id]", async (request: NextRequest, context: Context) => {
  await requirePrincipal(request);
  const id = z.uuid().safeParse((await context.params).id);
  const detail = id.success ? await getTargetDetailView(id.data) : null;
  if (!detail) throw new ApiError(404, "not_found", "No such health target.");
  return NextResponse.json(detail);
});
