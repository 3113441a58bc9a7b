import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { ApiError } from "@/lib/errors";
import { parseBody } from "@/lib/http/body";
import { withRoute } from "@/lib/route";
import { actorId, clientAddress, requirePrincipal } from "@/lib/auth/request";
import { updateUser } from "@/lib/users/mutations";
import { UpdateUserInput } from "@/lib/users/schemas";

type Context = { params: Promise<{ id: string }> };

export const PATCH = withRoute("/api/admin/users/[id]", async (request: NextRequest, { params }: Context) => {
  const principal = await requirePrincipal(request, "admin");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) throw new ApiError(404, "not_found", "No such user.");
  const input = await parseBody(request, UpdateUserInput);
  const user = await updateUser(id.data, input, actorId(principal), clientAddress(request));
  return NextResponse.json({ user });
});
