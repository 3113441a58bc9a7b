// Where lifecycle changes hand over to notifications. Never throws: a failing notification must
// not undo an acknowledgement.
import { logger } from "@/lib/logger";
import type { NotificationEvent } from "../notifications/schemas";

export type IncidentNotificationEvent = NotificationEvent;

export async function notifyIncident(event: NotificationEvent, incidentId: string): Promise<void> {
  try {
    const { queueIncidentNotifications } = await import("../notifications/deliver");
    await queueIncidentNotifications(event, incidentId);
  } catch (error) {
    logger.error("incident notification could not be queued", { event, incidentId, error });
  }
}
