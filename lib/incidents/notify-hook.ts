// Where lifecycle changes hand over to notifications (lib/incidents/notifications). Never throws:
// a failing notification must not undo an acknowledgement.
import "server-only";
import { logger } from "@/lib/logger";

export type IncidentNotificationEvent = "opened" | "acknowledged" | "status_changed" | "response_breached" | "resolved" | "maintenance_scheduled";

type Handler = (event: IncidentNotificationEvent, incidentId: string) => Promise<void>;
let handler: Handler | null = null;

export function setIncidentNotifier(h: Handler | null): void {
  handler = h;
}

export async function notifyIncident(event: IncidentNotificationEvent, incidentId: string): Promise<void> {
  if (!handler) return;
  try {
    await handler(event, incidentId);
  } catch (error) {
    logger.error("incident notification could not be queued", { event, incidentId, error });
  }
}
