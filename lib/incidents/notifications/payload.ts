// What a notification says, per channel kind. Plain data: no internal notes, only the incident's facts.
import type { IncidentSummary } from "../views/views";
import type { NotificationEvent } from "./schemas";

export type NotificationMessage = {
  event: NotificationEvent | "test";
  incident: IncidentSummary | null;
  url: string | null;
  sentAt: string;
  text: string;
};

const WHAT: Record<NotificationEvent | "test", string> = {
  opened: "opened",
  acknowledged: "acknowledged",
  status_changed: "changed status",
  response_breached: "missed its response target",
  resolved: "resolved",
  maintenance_scheduled: "maintenance scheduled",
  test: "test notification",
};

export function messageText(event: NotificationEvent | "test", incident: IncidentSummary | null): string {
  if (!incident)
    return event === "test" ? "steward: test notification — this channel works." : `steward: ${WHAT[event]}`;
  const ack = incident.acknowledgedBy ? ` · acknowledged by ${incident.acknowledgedBy}` : "";
  return `[${incident.severity}] ${incident.type.label} incident ${WHAT[event]}: ${incident.title} (status ${incident.status}${ack})`;
}

export function webhookBody(m: NotificationMessage): string {
  return JSON.stringify({ event: m.event, sentAt: m.sentAt, text: m.text, url: m.url, incident: m.incident });
}

/** Slack treats <, > and & as markup (links, mentions); escape them in people's text. */
const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const COLOR = { SEV1: "#b91c1c", SEV2: "#d97706", SEV3: "#0369a1" } as const;

/** Slack-compatible: plain `text` plus legacy attachments (Mattermost and Discord's /slack accept both). */
export function slackBody(m: NotificationMessage): string {
  const i = m.incident;
  const attachments = i
    ? [
        {
          color: COLOR[i.severity],
          title: slackEscape(i.title),
          title_link: m.url ?? undefined,
          fields: [
            { title: "Severity", value: i.severity, short: true },
            { title: "Status", value: i.status, short: true },
            { title: "Type", value: i.type.label, short: true },
            { title: "Started", value: i.startedAt, short: true },
          ],
          ts: Math.floor(Date.parse(m.sentAt) / 1000),
        },
      ]
    : [];
  return JSON.stringify({ text: slackEscape(m.url ? `${m.text} ${m.url}` : m.text), attachments });
}
