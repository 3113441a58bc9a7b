import { NextResponse, type NextRequest } from "next/server";
import { requirePrincipal } from "@/lib/auth/request";
import { getDependenciesResponse } from "@/lib/deps/api";
import { RepoQuery } from "@/lib/deps/schemas";
import { validationError } from "@/lib/errors";
import { withRoute } from "@/lib/route";

/** Open security alerts, open update PRs and outdated dependencies of one repository. Viewers (session or token). */
export const GET = withRoute("/api/v1/dependencies", async (request: NextRequest) => {
  await requirePrincipal(request, "viewer");
  const query = RepoQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) throw validationError(query.error);
  return NextResponse.json(await getDependenciesResponse({ now: new Date() }, query.data.repo));
});
