import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { getTodayView } from "@/lib/runbooks/views/today";

/** Runs due today and overdue with live check values, this week / month, and the morning-check strip. */
export const GET = withRoute("/api/v1/today", async (request: NextRequest) => {
  await requirePrincipal(request);
  return NextResponse.json(await getTodayView());
});
