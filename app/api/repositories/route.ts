import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { getRepositorySettingsView } from "@/lib/github/admin/views";

/** Repositories with their sync state (and where the token comes from — never the token). */
export const GET = withRoute("/api/repositories", async (request: NextRequest) => {
  await requirePrincipal(request, "viewer");
  return NextResponse.json(await getRepositorySettingsView());
});
