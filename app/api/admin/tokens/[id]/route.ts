import { NextResponse, type NextRequest } from "next/server";
import { routeId, type IdContext } from "@/lib/http/route-params";
import { withRoute } from "@/lib/route";
import { actorId, clientAddress, requirePrincipal } from "@/lib/auth/request";
import { revokeApiToken } from "@/lib/api-tokens/mutations";

export const DELETE = withRoute("/api/admin/tokens/[id]", async (request: NextRequest, context: IdContext) => {
  const principal = await requirePrincipal(request, "admin");
  const id = await routeId(context, "token");
  return NextResponse.json({ token: await revokeApiToken(id, actorId(principal), clientAddress(request)) });
});
