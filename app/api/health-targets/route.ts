import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { ApiError } from "@/lib/errors";
import { OverviewParams } from "@/lib/health/views/overview-plan";
import { getHealthOverviewView } from "@/lib/health/views/overview-view";

/**
 * The health overview (problems first); the overview page refreshes itself from here. `?state=`,
 * `?group=`, `?page=` and `?size=` as the page's URL: at most `size` (50) targets carry card data.
 */
export const GET = withRoute("/api/health-targets", async (request: NextRequest) => {
  await requirePrincipal(request);
  const parsed = OverviewParams.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success)
    throw new ApiError(400, "validation_failed", parsed.error.issues.map((i) => i.message).join("; "));
  return NextResponse.json(await getHealthOverviewView(new Date(), parsed.data));
});
