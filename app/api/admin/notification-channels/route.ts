import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { actorOf, requirePrincipal } from "@/lib/auth/request";
import { parseBody } from "@/lib/http/body";
import { ChannelInput } from "@/lib/incidents/notifications/schemas";
import { createChannel, listChannels } from "@/lib/incidents/notifications/channels";
import { listDeliveries } from "@/lib/incidents/notifications/log";

/** Notification channels and the latest deliveries (admins). Secrets are never returned. */
export const GET = withRoute("/api/admin/notification-channels", async (request: NextRequest) => {
  await requirePrincipal(request, "admin");
  const [channels, deliveries] = await Promise.all([listChannels(), listDeliveries()]);
  return NextResponse.json({ channels, deliveries });
});

export const POST = withRoute("/api/admin/notification-channels", async (request: NextRequest) => {
  const principal = await requirePrincipal(request, "admin");
  const input = await parseBody(request, ChannelInput);
  return NextResponse.json(
    { channel: await createChannel({ actor: actorOf(principal, request) }, input) },
    { status: 201 },
  );
});
