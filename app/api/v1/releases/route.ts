import { NextResponse, type NextRequest } from "next/server";
import { requirePrincipal } from "@/lib/auth/request";
import { RepoQuery } from "@/lib/deps/schemas";
import { validationError } from "@/lib/errors";
import { getReleasesResponse } from "@/lib/releases/api";
import { withRoute } from "@/lib/route";

/** Published releases (drafts excluded, newest first) with their class, and the unreleased merged PRs. Viewers (session or token). */
export const GET = withRoute("/api/v1/releases", async (request: NextRequest) => {
  await requirePrincipal(request, "viewer");
  const query = RepoQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) throw validationError(query.error);
  return NextResponse.json(await getReleasesResponse({ now: new Date() }, query.data.repo));
});
