// Notification channel inputs (admins) — shared by the API and the settings form.
import { z } from "zod";
import { SEVERITIES } from "../schemas";

export const NOTIFICATION_EVENTS = [
  "opened",
  "acknowledged",
  "status_changed",
  "response_breached",
  "resolved",
  "maintenance_scheduled",
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

const url = z.url({ protocol: /^https?$/, error: "an http(s) URL" }).max(2000);
const routing = {
  name: z.string().trim().min(1).max(100),
  events: z
    .array(z.enum(NOTIFICATION_EVENTS))
    .min(1)
    .default([...NOTIFICATION_EVENTS]),
  types: z.array(z.string().max(40)).max(20).default([]),
  severities: z.array(z.enum(SEVERITIES)).default([]),
  enabled: z.boolean().default(true),
};

export const ChannelInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("webhook"),
    ...routing,
    url,
    secret: z.string().min(16, "at least 16 characters").max(200),
  }),
  z.object({ kind: z.literal("slack"), ...routing, url }),
  z.object({
    kind: z.literal("email"),
    ...routing,
    host: z.string().trim().min(1).max(255),
    port: z.int().min(1).max(65535),
    /** true: TLS from the start (465); false: STARTTLS when offered (587/25). */
    secure: z.boolean().default(false),
    username: z.string().max(200).optional(),
    password: z.string().max(500).optional(),
    from: z.email(),
    to: z.array(z.email()).min(1).max(20),
  }),
]);
export type ChannelInput = z.infer<typeof ChannelInput>;

export type WebhookConfig = { url: string };
export type EmailConfig = {
  host: string;
  port: number;
  secure: boolean;
  username?: string;
  from: string;
  to: string[];
};
