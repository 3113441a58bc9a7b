import { NextResponse, type NextRequest } from "next/server";
import { parseBody } from "@/lib/http/body";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { addRepositoryFromSettings } from "@/lib/github/admin/mutations";
import { AddRepositoryInput } from "@/lib/github/admin/schemas";

/** Adds a repository (owner/name); its first sync is queued when a token is configured. */
export const POST = withRoute("/api/admin/repositories", async (request: NextRequest) => {
  const principal = await requirePrincipal(request, "admin");
  const input = await parseBody(request, AddRepositoryInput);
  const { sync, ...repository } = await addRepositoryFromSettings(input, actorOf(principal, request));
  return NextResponse.json({ repository, sync }, { status: 201 });
});
