import { NextResponse, type NextRequest } from "next/server";
import { parseBody } from "@/lib/http/body";
import { routeId, type IdContext } from "@/lib/http/route-params";
import { withRoute } from "@/lib/route";
import { actorId, clientAddress, requirePrincipal } from "@/lib/auth/request";
import { UpdateTargetInput } from "@/lib/health/schemas";
import { deleteHealthTarget, getHealthTarget, toAdminTarget, updateHealthTarget } from "@/lib/health/targets/targets";

const targetId = (context: IdContext) => routeId(context, "health target");

export const GET = withRoute("/api/admin/health-targets/[id]", async (request: NextRequest, context: IdContext) => {
  await requirePrincipal(request, "admin");
  return NextResponse.json({ target: toAdminTarget(await getHealthTarget(await targetId(context))) });
});

/** Top-level fields replace the stored ones; the result is validated like a new target. */
export const PATCH = withRoute("/api/admin/health-targets/[id]", async (request: NextRequest, context: IdContext) => {
  const principal = await requirePrincipal(request, "admin");
  const id = await targetId(context);
  const patch = await parseBody(request, UpdateTargetInput);
  return NextResponse.json({
    target: toAdminTarget(await updateHealthTarget(id, patch, actorId(principal), clientAddress(request))),
  });
});

export const DELETE = withRoute("/api/admin/health-targets/[id]", async (request: NextRequest, context: IdContext) => {
  const principal = await requirePrincipal(request, "admin");
  const id = await targetId(context);
  return NextResponse.json(await deleteHealthTarget(id, actorId(principal), clientAddress(request)));
});
