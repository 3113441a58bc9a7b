import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { getHistoryView } from "@/lib/runbooks/views/history";

const Range = z.enum(["week", "month"]).catch("week");

/** Runs per week or month (on time / late / missed / open) and recent ticks with their evidence. */
export const GET = withRoute("/api/v1/runbooks/history", async (request: NextRequest) => {
  await requirePrincipal(request);
  return NextResponse.json(await getHistoryView(Range.parse(request.nextUrl.searchParams.get("range"))));
});
