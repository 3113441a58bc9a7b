// Notifications: an incident event → one NotificationDelivery per matching channel (routing by event,
// type and severity) → a job per delivery. The job sends it; on failure it records the attempt and
// throws, so the job queue retries with backoff; the last attempt marks the delivery failed.
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { ApiError } from "@/lib/errors";
import type { NotificationChannel } from "@/lib/generated/prisma/client";
import { getIncident } from "../views/queries";
import { addEvent } from "../lifecycle/timeline";
import { channelSecret } from "./channels";
import { messageText, slackBody, webhookBody, type NotificationMessage } from "./payload";
import type { EmailConfig, NotificationEvent, WebhookConfig } from "./schemas";
import { postJson, sendEmail, sendWebhook, type SendResult } from "./send";

import { INCIDENT_NOTIFY_QUEUE } from "@/lib/jobs/queues";
/** Retries after the first attempt (the queue's retryLimit): 6 attempts over about 2.5 minutes. */
export const NOTIFY_RETRY_LIMIT = 5;
export type Enqueue = (deliveryId: string) => Promise<unknown>;

const defaultEnqueue: Enqueue = async (deliveryId) => {
  const { sendJob } = await import("@/lib/jobs/queue");
  return sendJob(INCIDENT_NOTIFY_QUEUE, { deliveryId });
};

/** Creates the deliveries for an incident event and queues them; returns their ids. */
export async function queueIncidentNotifications(
  event: NotificationEvent,
  incidentId: string,
  enqueue: Enqueue = defaultEnqueue,
): Promise<string[]> {
  const incident = await db.incident.findUnique({
    where: { id: incidentId },
    select: { typeKey: true, severity: true },
  });
  if (!incident) return [];
  const channels = await db.notificationChannel.findMany({
    where: { enabled: true, events: { has: event } },
  });
  const matching = channels.filter(
    (c) =>
      (c.types.length === 0 || c.types.includes(incident.typeKey)) &&
      (c.severities.length === 0 || c.severities.includes(incident.severity)),
  );
  const ids: string[] = [];
  for (const channel of matching) {
    const delivery = await db.notificationDelivery.create({ data: { channelId: channel.id, incidentId, event } });
    ids.push(delivery.id);
    await enqueue(delivery.id);
  }
  return ids;
}

export type MaintenanceDetail = { title: string; start: string; end: string; scope: string[] };

/** "maintenance_scheduled": one delivery per subscribed channel, about a window's next occurrence. */
export async function queueMaintenanceNotifications(
  detail: MaintenanceDetail,
  enqueue: Enqueue = defaultEnqueue,
): Promise<string[]> {
  const channels = await db.notificationChannel.findMany({
    where: { enabled: true, events: { has: "maintenance_scheduled" } },
  });
  const ids: string[] = [];
  for (const channel of channels) {
    const delivery = await db.notificationDelivery.create({
      data: { channelId: channel.id, event: "maintenance_scheduled", detail },
    });
    ids.push(delivery.id);
    await enqueue(delivery.id);
  }
  return ids;
}

function incidentUrl(id: string | null): string | null {
  const base = getEnv().STEWARD_PUBLIC_URL;
  return base && id ? `${base.replace(/\/$/, "")}/incidents/${id}` : null;
}

export async function sendToChannel(
  channel: NotificationChannel,
  message: NotificationMessage,
  now: Date,
): Promise<SendResult> {
  switch (channel.kind) {
    case "webhook":
      return sendWebhook(
        (channel.config as WebhookConfig).url,
        channelSecret(channel) ?? "",
        webhookBody(message),
        now,
      );
    case "slack":
      return postJson((channel.config as WebhookConfig).url, slackBody(message));
    case "email": {
      const config = channel.config as EmailConfig;
      return sendEmail(
        { ...config, password: channelSecret(channel) ?? undefined },
        message.text,
        `${message.text}\n\n${message.url ?? ""}`.trim(),
      );
    }
    default:
      return { ok: false, status: null, body: `unknown channel kind ${channel.kind}` };
  }
}

async function messageFor(
  event: NotificationEvent | "test",
  incidentId: string | null,
  now: Date,
): Promise<NotificationMessage> {
  const incident = incidentId ? await getIncident(incidentId, now).catch(() => null) : null;
  const summary = incident
    ? (({ timeline: _t, procedure: _p, targets: _g, postmortem: _m, ...s }) => s)(incident)
    : null;
  return {
    event,
    incident: summary,
    url: incidentUrl(incidentId),
    sentAt: now.toISOString(),
    text: messageText(event, summary),
  };
}

/** One attempt of one delivery. Throws on failure unless it was the last attempt (then marks it failed). */
export async function deliverNotification(
  deliveryId: string,
  opts: { now?: Date; lastAttempt?: boolean } = {},
): Promise<SendResult> {
  const now = opts.now ?? new Date();
  const delivery = await db.notificationDelivery.findUnique({ where: { id: deliveryId }, include: { channel: true } });
  if (!delivery) throw new ApiError(404, "not_found", "No such delivery.");
  if (delivery.status === "sent")
    return { ok: true, status: delivery.responseStatus, body: delivery.responseBody ?? "" };
  const message = await messageFor(delivery.event as NotificationEvent, delivery.incidentId, now);
  const m = delivery.detail as MaintenanceDetail | null;
  if (delivery.event === "maintenance_scheduled" && m)
    message.text = `Maintenance scheduled: ${m.title}, ${m.start} to ${m.end}${m.scope.length ? ` (${m.scope.join(", ")})` : ""}`;
  let result: SendResult;
  try {
    result = await sendToChannel(delivery.channel, message, now);
  } catch (error) {
    result = { ok: false, status: null, body: error instanceof Error ? error.message.slice(0, 1000) : String(error) };
  }
  const attempts = delivery.attempts + 1;
  const status = result.ok ? "sent" : opts.lastAttempt ? "failed" : "pending";
  await db.notificationDelivery.update({
    where: { id: deliveryId },
    data: {
      attempts,
      status,
      responseStatus: result.status,
      responseBody: result.ok ? result.body : null,
      error: result.ok ? null : result.body,
      lastAttemptAt: now,
      sentAt: result.ok ? now : null,
    },
  });
  if (delivery.incidentId && (result.ok || opts.lastAttempt)) {
    const body = result.ok
      ? `Notified ${delivery.channel.name} (${delivery.channel.kind}): ${delivery.event.replace(/_/g, " ")}`
      : `Notification to ${delivery.channel.name} failed after ${attempts} attempts: ${delivery.event.replace(/_/g, " ")}`;
    await addEvent(db, delivery.incidentId, { kind: "notification", source: "system", at: now, body });
  }
  if (!result.ok && !opts.lastAttempt)
    throw new Error(`notification to ${delivery.channel.name} failed (attempt ${attempts}): ${result.body}`);
  if (!result.ok) logger.warn("notification gave up", { deliveryId, channel: delivery.channel.name });
  return result;
}

/** "Send test": sends now, synchronously, and logs it like any delivery. */
export async function sendTestNotification(
  channelId: string,
  now = new Date(),
): Promise<SendResult & { deliveryId: string }> {
  const channel = await db.notificationChannel.findUnique({ where: { id: channelId } });
  if (!channel) throw new ApiError(404, "not_found", "No such channel.");
  const delivery = await db.notificationDelivery.create({ data: { channelId, event: "test" } });
  const result = await deliverNotification(delivery.id, { now, lastAttempt: true });
  return { ...result, deliveryId: delivery.id };
}

/** The job handler (lib/jobs/definitions.ts); the queue retries a throw with backoff (lib/jobs/queues.ts). */
export async function runNotifyJob(data: unknown): Promise<Record<string, string>> {
  const deliveryId = (data as { deliveryId?: string }).deliveryId;
  if (!deliveryId) return { skipped: "no delivery id" };
  const row = await db.notificationDelivery.findUnique({ where: { id: deliveryId }, select: { attempts: true } });
  if (!row) return { skipped: "delivery deleted" };
  const result = await deliverNotification(deliveryId, { lastAttempt: row.attempts >= NOTIFY_RETRY_LIMIT });
  return { status: result.ok ? "sent" : "failed" };
}
