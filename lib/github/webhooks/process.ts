// The github-webhook job: applies one stored delivery, once. A delivery already processed (a
// redelivered job, a retry after a crash past the commit) is skipped.
import { db as defaultDb } from "@/lib/db";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { GithubClient, type GithubClientOptions } from "../client";
import { githubClientOptions } from "../credentials";
import { ProgressTracker } from "../sync/progress";
import { applyWebhook, type WebhookPayload } from "./apply";

export interface ProcessOptions {
  db?: PrismaClient;
  client?: Partial<GithubClientOptions>;
}

export async function processWebhookDelivery(
  deliveryId: string,
  options: ProcessOptions = {},
): Promise<{ status: string; detail: string }> {
  const db = options.db ?? defaultDb;
  const delivery = await db.githubWebhookDelivery.findUnique({ where: { id: deliveryId } });
  if (!delivery) return { status: "missing", detail: "no such delivery" };
  if (delivery.processedAt) return { status: "already-processed", detail: delivery.status };
  const repo = delivery.repoKey ? await db.githubRepository.findUnique({ where: { key: delivery.repoKey } }) : null;
  const finish = (status: "processed" | "ignored" | "failed", detail: string) =>
    db.githubWebhookDelivery.update({
      where: { id: deliveryId },
      data: { status, processedAt: new Date(), detail: detail.slice(0, 500), payload: Prisma.DbNull },
    });
  if (!repo?.enabled) {
    await finish("ignored", "repository not synced by steward");
    return { status: "ignored", detail: "repository not synced by steward" };
  }
  const client = new GithubClient(await githubClientOptions(options.client));
  const ctx = {
    db,
    client,
    repo: { id: repo.id, owner: repo.owner, name: repo.name },
    leaseId: null,
    progress: new ProgressTracker(null, repo.id, client),
  };
  try {
    const detail = await applyWebhook(ctx, delivery.event, (delivery.payload ?? {}) as WebhookPayload);
    await finish("processed", detail);
    return { status: "processed", detail };
  } catch (error) {
    // Left unprocessed so the job's retry runs it again; the error is kept for the UI.
    const message = error instanceof Error ? error.message : String(error);
    await db.githubWebhookDelivery.update({
      where: { id: deliveryId },
      data: { status: "failed", detail: message.slice(0, 500) },
    });
    throw error;
  }
}
