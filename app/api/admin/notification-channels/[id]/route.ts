import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { deleteChannel } from "@/lib/incidents/notifications/channels";
import type { RouteContext } from "@/lib/incidents/http";

export const DELETE = withRoute(
  "/api/admin/notification-channels/[id]",
  async (request: NextRequest, { params }: RouteContext) => {
    const principal = await requirePrincipal(request, "admin");
    const { id } = await params;
    await deleteChannel({ actor: actorOf(principal, request) }, id);
    return NextResponse.json({ id });
  },
);
