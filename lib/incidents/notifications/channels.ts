// Notification channels (admins): secrets sealed with lib/secrets, never returned to a browser.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { getAppSecret } from "@/lib/secrets/app-secret";
import { decryptSecret, encryptSecret, keyFingerprint } from "@/lib/secrets/encryption";
import type { NotificationChannel } from "@/lib/generated/prisma/client";
import type { IncidentContext } from "../context";
import type { ChannelInput } from "./schemas";

const PURPOSE = "notification-channel" as const;

export type ChannelView = Omit<NotificationChannel, "secretCiphertext" | "secretKeyId" | "createdAt" | "updatedAt"> & {
  hasSecret: boolean;
  createdAt: string;
};

export function channelView(c: NotificationChannel): ChannelView {
  const { secretCiphertext, secretKeyId: _k, createdAt, updatedAt: _u, ...rest } = c;
  return { ...rest, hasSecret: secretCiphertext !== null, createdAt: createdAt.toISOString() };
}

function split(input: ChannelInput): { config: object; secret: string | null } {
  switch (input.kind) {
    case "webhook":
      return { config: { url: input.url }, secret: input.secret };
    case "slack":
      return { config: { url: input.url }, secret: null };
    case "email":
      return {
        config: {
          host: input.host,
          port: input.port,
          secure: input.secure,
          username: input.username,
          from: input.from,
          to: input.to,
        },
        secret: input.password ?? null,
      };
  }
}

export async function createChannel(ctx: IncidentContext, input: ChannelInput): Promise<ChannelView> {
  const { config, secret } = split(input);
  const app = getAppSecret().value;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.notificationChannel.create({
      data: {
        name: input.name,
        kind: input.kind,
        config,
        events: input.events,
        types: input.types,
        severities: input.severities,
        enabled: input.enabled,
        secretCiphertext: secret ? encryptSecret(secret, app, PURPOSE) : null,
        secretKeyId: secret ? keyFingerprint(app, PURPOSE) : null,
      },
    });
    await recordAudit(
      {
        action: "notification_channel.created",
        actorId: ctx.actor?.id,
        target: created.id,
        ip: ctx.actor?.ip,
        detail: { name: input.name, kind: input.kind },
      },
      tx,
    );
    return created;
  });
  return channelView(row);
}

export async function deleteChannel(ctx: IncidentContext, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const gone = await tx.notificationChannel.deleteMany({ where: { id } });
    if (gone.count === 0) throw new ApiError(404, "not_found", "No such channel.");
    await recordAudit(
      { action: "notification_channel.deleted", actorId: ctx.actor?.id, target: id, ip: ctx.actor?.ip },
      tx,
    );
  });
}

export async function listChannels(): Promise<ChannelView[]> {
  return (await db.notificationChannel.findMany({ orderBy: { createdAt: "asc" } })).map(channelView);
}

export function channelSecret(c: NotificationChannel): string | null {
  return c.secretCiphertext ? decryptSecret(c.secretCiphertext, getAppSecret().value, PURPOSE) : null;
}
