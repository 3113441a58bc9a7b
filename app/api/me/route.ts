import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";

/** Who am I: the signed-in user or the API token's name and role. */
export const GET = withRoute("/api/me", async (request: NextRequest) => {
  const principal = await requirePrincipal(request);
  return NextResponse.json(
    principal.kind === "session"
      ? { kind: "session", user: principal.user }
      : { kind: "token", token: { id: principal.tokenId, name: principal.name, role: principal.role } },
  );
});
