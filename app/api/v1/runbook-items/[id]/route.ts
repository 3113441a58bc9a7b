import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { parseBody } from "@/lib/http/body";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { bindItemCheck } from "@/lib/runbooks/store/config";
import { parseId } from "@/lib/runbooks/http";
import { BindCheckInput } from "@/lib/runbooks/schemas";

type Context = { params: Promise<{ id: string }> };

/** Bind an item to a live check (or unbind with null). */
export const PATCH = withRoute("/api/v1/runbook-items/[id]", async (request: NextRequest, context: Context) => {
  const principal = await requirePrincipal(request, "maintainer");
  const id = parseId((await context.params).id, "item");
  const { checkId } = await parseBody(request, BindCheckInput);
  const item = await bindItemCheck({ actor: actorOf(principal, request) }, id, checkId);
  return NextResponse.json({ id: item.id, checkId: item.checkId });
});
