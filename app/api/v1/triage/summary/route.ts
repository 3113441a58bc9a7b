import { NextResponse, type NextRequest } from "next/server";
import { validationError } from "@/lib/errors";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { getTriageApiSummary } from "@/lib/triage/api";
import { TriageSummaryQuery } from "@/lib/triage/schemas";

/** The SLA summary per repository and priority over the last `days` days, with its definitions. */
export const GET = withRoute("/api/v1/triage/summary", async (request: NextRequest) => {
  await requirePrincipal(request, "viewer");
  const parsed = TriageSummaryQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  return NextResponse.json(await getTriageApiSummary(parsed.data, new Date()));
});
