import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { ApiError } from "@/lib/errors";
import { parseBody } from "@/lib/http/body";
import { withRoute } from "@/lib/route";
import { actorId, clientAddress, requirePrincipal } from "@/lib/auth/request";
import { UpdateTargetInput } from "@/lib/health/schemas";
import { deleteHealthTarget, getHealthTarget, toAdminTarget, updateHealthTarget } from "@/lib/health/targets";

type Context = { params: Promise<{ id: string }> };

async function targetId(context: Context): Promise<string> {
  const id = z.uuid().safeParse((await context.params).id);
  if (!id.success) throw new ApiError(404, "not_found", "No such health target.");
  return id.data;
}

export const GET = withRoute("/api/admin/health-targets/[id]", async (request: NextRequest, context: Context) => {
  await requirePrincipal(request, "admin");
  return NextResponse.json({ target: toAdminTarget(await getHealthTarget(await targetId(context))) });
});

/** Top-level fields replace the stored ones; the result is validated like a new target. */
export const PATCH = withRoute("/api/admin/health-targets/[id]", async (request: NextRequest, context: Context) => {
  const principal = await requirePrincipal(request, "admin");
  const id = await targetId(context);
  const patch = await parseBody(request, UpdateTargetInput);
  return NextResponse.json({ target: toAdminTarget(await updateHealthTarget(id, patch, actorId(principal), clientAddress(request))) });
});

export const DELETE = withRoute("/api/admin/health-targets/[id]", async (request: NextRequest, context: Context) => {
  const principal = await requirePrincipal(request, "admin");
  const id = await targetId(context);
  return NextResponse.json(await deleteHealthTarget(id, actorId(principal), clientAddress(request)));
});
