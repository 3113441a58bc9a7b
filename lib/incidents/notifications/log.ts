// The delivery log: the latest deliveries with their channel and outcome.
import { db } from "@/lib/db";

export type DeliveryView = {
  id: string;
  channel: string;
  event: string;
  incidentId: string | null;
  status: string;
  attempts: number;
  responseStatus: number | null;
  detail: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
};

export async function listDeliveries(limit = 50): Promise<DeliveryView[]> {
  const rows = await db.notificationDelivery.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { channel: { select: { name: true } } },
  });
  return rows.map((d) => ({
    id: d.id,
    channel: d.channel.name,
    event: d.event,
    incidentId: d.incidentId,
    status: d.status,
    attempts: d.attempts,
    responseStatus: d.responseStatus,
    detail: d.error ?? d.responseBody,
    createdAt: d.createdAt.toISOString(),
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
  }));
}
