// Accepting a delivery: bounded body, signature, JSON, dedupe by X-GitHub-Delivery, then queue
// the work and answer at once (GitHub gives up after 10 s).
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { sendJob } from "@/lib/jobs/queue";
import { GITHUB_WEBHOOK_QUEUE } from "@/lib/jobs/queues";
import { readLimited } from "@/lib/http/read-limited";
import { parseCleanJson } from "../text";
import { verifySignature, webhookSecrets } from "./verify";

export const WEBHOOK_BODY_LIMIT = 25 * 1024 * 1024;
export const HANDLED_EVENTS = new Set([
  "issues",
  "issue_comment",
  "pull_request",
  "pull_request_review",
  "check_run",
  "check_suite",
  "workflow_run",
  "release",
  "label",
  "dependabot_alert",
]);

export type Receipt =
  | { status: 401 | 400 | 413; code: "unauthorized" | "bad_request" | "payload_too_large"; message: string }
  | { status: 200 | 202; result: "queued" | "duplicate" | "ignored" | "pong" };

export async function receiveWebhook(request: Request): Promise<Receipt> {
  const body = await readLimited(request, WEBHOOK_BODY_LIMIT);
  if (body === null)
    return {
      status: 413,
      code: "payload_too_large",
      message: `Webhook bodies are limited to ${WEBHOOK_BODY_LIMIT} bytes.`,
    };
  if (
    !verifySignature(webhookSecrets(getEnv().GITHUB_WEBHOOK_SECRET), body, request.headers.get("x-hub-signature-256"))
  ) {
    return { status: 401, code: "unauthorized", message: "Missing or invalid X-Hub-Signature-256." };
  }
  const event = request.headers.get("x-github-event")?.trim();
  const deliveryId = request.headers.get("x-github-delivery")?.trim();
  if (!event || !deliveryId || deliveryId.length > 100)
    return { status: 400, code: "bad_request", message: "X-GitHub-Event and X-GitHub-Delivery are required." };
  let payload: unknown;
  try {
    // Webhooks set to "application/x-www-form-urlencoded" send the JSON as a `payload` field.
    const form = (request.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded");
    payload = parseCleanJson(
      form ? (new URLSearchParams(body.toString("utf8")).get("payload") ?? "") : body.toString("utf8"),
    );
  } catch {
    return { status: 400, code: "bad_request", message: "The body is not valid JSON." };
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload))
    return { status: 400, code: "bad_request", message: "The body must be a JSON object." };
  if (event === "ping") return { status: 200, result: "pong" };
  if (!HANDLED_EVENTS.has(event)) return { status: 200, result: "ignored" };

  const fields = payload as { action?: unknown; repository?: { full_name?: unknown } };
  const inserted = await db.githubWebhookDelivery.createMany({
    data: [
      {
        id: deliveryId,
        event,
        action: typeof fields.action === "string" ? fields.action.slice(0, 100) : null,
        repoKey:
          typeof fields.repository?.full_name === "string"
            ? fields.repository.full_name.toLowerCase().slice(0, 200)
            : null,
        payload: payload as Prisma.InputJsonObject,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return { status: 200, result: "duplicate" };
  try {
    await sendJob(GITHUB_WEBHOOK_QUEUE, { deliveryId });
  } catch (error) {
    // Without a job the delivery would never be processed, and GitHub's redelivery would be a "duplicate".
    await db.githubWebhookDelivery.delete({ where: { id: deliveryId } }).catch(() => undefined);
    throw error;
  }
  return { status: 202, result: "queued" };
}
