import { NextResponse, type NextRequest } from "next/server";
import { parseBody } from "@/lib/http/body";
import { withRoute } from "@/lib/route";
import { actorId, clientAddress, requirePrincipal } from "@/lib/auth/request";
import { CreateTargetInput } from "@/lib/health/schemas";
import { createHealthTarget, listHealthTargets, toAdminTarget } from "@/lib/health/targets/targets";

export const GET = withRoute("/api/admin/health-targets", async (request: NextRequest) => {
  await requirePrincipal(request, "admin");
  return NextResponse.json({ targets: (await listHealthTargets()).map(toAdminTarget) });
});

export const POST = withRoute("/api/admin/health-targets", async (request: NextRequest) => {
  const principal = await requirePrincipal(request, "admin");
  const input = await parseBody(request, CreateTargetInput);
  const target = await createHealthTarget(input, actorId(principal), clientAddress(request));
  return NextResponse.json({ target: toAdminTarget(target) }, { status: 201 });
});
