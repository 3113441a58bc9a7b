import { NextResponse, type NextRequest } from "next/server";
import { parseBody } from "@/lib/http/body";
import { routeId, type IdContext } from "@/lib/http/route-params";
import { withRoute } from "@/lib/route";
import { actorId, clientAddress, requirePrincipal } from "@/lib/auth/request";
import { updateUser } from "@/lib/users/mutations";
import { UpdateUserInput } from "@/lib/users/schemas";

export const PATCH = withRoute("/api/admin/users/[id]", async (request: NextRequest, context: IdContext) => {
  const principal = await requirePrincipal(request, "admin");
  const id = await routeId(context, "user");
  const input = await parseBody(request, UpdateUserInput);
  const user = await updateUser(id, input, actorId(principal), clientAddress(request));
  return NextResponse.json({ user });
});
