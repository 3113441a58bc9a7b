import { NextResponse, type NextRequest } from "next/server";
import { parseBody } from "@/lib/http/body";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { removeGithubToken, saveGithubToken } from "@/lib/github/credentials";
import { GithubTokenInput } from "@/lib/github/admin/schemas";

/** Checks the token against GitHub, then stores it encrypted; the response never contains it. */
export const PUT = withRoute("/api/admin/github-token", async (request: NextRequest) => {
  const principal = await requirePrincipal(request, "admin");
  const { token } = await parseBody(request, GithubTokenInput);
  const verified = await saveGithubToken(token, actorOf(principal, request));
  return NextResponse.json({ login: verified.login, remaining: verified.remaining, limit: verified.limit });
});

export const DELETE = withRoute("/api/admin/github-token", async (request: NextRequest) => {
  const principal = await requirePrincipal(request, "admin");
  return NextResponse.json({ removed: await removeGithubToken(actorOf(principal, request)) });
});
