import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { ApiError } from "@/lib/errors";
import { withRoute } from "@/lib/route";
import { actorId, clientAddress, requirePrincipal } from "@/lib/auth/request";
import { revokeApiToken } from "@/lib/api-tokens/mutations";

type Context = { params: Promise<{ id: string }> };

export const DELETE = withRoute("/api/admin/tokens/[id]", async (request: NextRequest, { params }: Context) => {
  const principal = await requirePrincipal(request, "admin");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) throw new ApiError(404, "not_found", "No such token.");
  return NextResponse.json({ token: await revokeApiToken(id.data, actorId(principal), clientAddress(request)) });
});
