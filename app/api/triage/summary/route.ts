import { NextResponse, type NextRequest } from "next/server";
import { validationError } from "@/lib/errors";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { TriageSummaryQuery } from "@/lib/triage/schemas";
import { getTriageSummaryView } from "@/lib/triage/view";

/** The Triage page's SLA summary (rows with items only). */
export const GET = withRoute("/api/triage/summary", async (request: NextRequest) => {
  await requirePrincipal(request, "viewer");
  const parsed = TriageSummaryQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  return NextResponse.json(await getTriageSummaryView(parsed.data.days));
});
