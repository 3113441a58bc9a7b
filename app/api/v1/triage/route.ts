import { NextResponse, type NextRequest } from "next/server";
import { validationError } from "@/lib/errors";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { listTriageApiItems } from "@/lib/triage/api";
import { TriageApiQuery } from "@/lib/triage/schemas";

/** The triage queue: every open issue and PR with its priority, clock, state and staleness (session or token). */
export const GET = withRoute("/api/v1/triage", async (request: NextRequest) => {
  await requirePrincipal(request, "viewer");
  const parsed = TriageApiQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  return NextResponse.json(await listTriageApiItems(parsed.data, new Date()));
});
