import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { sendTestNotification } from "@/lib/incidents/notifications/deliver";
import type { RouteContext } from "@/lib/incidents/http";

/** "Send test": one delivery now, logged like any other; answers with the receiver's response. */
export const POST = withRoute(
  "/api/admin/notification-channels/[id]/test",
  async (request: NextRequest, { params }: RouteContext) => {
    await requirePrincipal(request, "admin");
    const { id } = await params;
    if (!/^[0-9a-f-]{36}$/i.test(id))
      return NextResponse.json({ error: { code: "not_found", message: "No such channel." } }, { status: 404 });
    return NextResponse.json({ result: await sendTestNotification(id) });
  },
);
