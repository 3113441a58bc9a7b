import { NextResponse, type NextRequest } from "next/server";
import { validationError } from "@/lib/errors";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { TriageFilters } from "@/lib/triage/schemas";
import { getTriageQueueView } from "@/lib/triage/view";

/** The Triage page's data: one tab of the queue with counts and filter options. */
export const GET = withRoute("/api/triage/queue", async (request: NextRequest) => {
  await requirePrincipal(request, "viewer");
  const parsed = TriageFilters.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  return NextResponse.json(await getTriageQueueView(parsed.data));
});
