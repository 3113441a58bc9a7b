// The push API's work: rate limit per credential, then store a validated batch atomically.
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import type { Principal } from "@/lib/auth/request";
import { hitRateLimit } from "@/lib/http/rate-limit";
import type { AlertEvent } from "@/lib/generated/prisma/client";
import { afterAlertEvents } from "@/lib/incidents/auto-open";
import { recordObservationsIn, type TargetObservations } from "./record";
import type { PushMetrics } from "./schemas";

export type PushResult = {
  accepted: { samples: number; heartbeats: number };
  /** Data for disabled targets is acknowledged and dropped, so a paused target does not break its senders. */
  ignored: { samples: number; heartbeats: number; targets: string[] };
  alertEvents: number;
};

/** 429 with Retry-After once a token (or user) has sent its batches for the minute. */
export async function assertPushAllowed(principal: Principal, now = new Date()): Promise<void> {
  const limit = getEnv().STEWARD_HEALTH_PUSH_RATE_LIMIT;
  const key = principal.kind === "token" ? `push:token:${principal.tokenId}` : `push:user:${principal.user.id}`;
  const verdict = await hitRateLimit(key, { limit, windowMs: 60_000 }, now);
  if (!verdict.allowed) {
    throw new ApiError(429, "too_many_requests", `At most ${limit} batches a minute per credential; retry in ${verdict.retryAfterSeconds} s.`, undefined, {
      "retry-after": String(verdict.retryAfterSeconds),
    });
  }
}

const listed = (names: string[]) => (names.length <= 20 ? names.join(", ") : `${names.slice(0, 20).join(", ")} and ${names.length - 20} more`);

async function resolveTargets(body: PushMetrics) {
  const slugs = [...new Set([...body.samples.map((s) => s.target), ...(body.heartbeats ?? []).map((h) => h.target)])];
  const targets = await db.healthTarget.findMany({ where: { slug: { in: slugs } } });
  const bySlug = new Map(targets.map((t) => [t.slug, t]));
  const unknown = slugs.filter((s) => !bySlug.has(s));
  const notPush = targets.filter((t) => t.kind !== "push").map((t) => t.slug);
  if (unknown.length > 0 || notPush.length > 0) {
    const fieldErrors: Record<string, string[]> = {};
    const flag = (path: string, slug: string) => {
      if (unknown.includes(slug)) fieldErrors[path] = [`no health target has the slug "${slug}"`];
      else if (notPush.includes(slug)) fieldErrors[path] = [`"${slug}" is checked by steward, not a push target`];
    };
    body.samples.forEach((s, i) => flag(`samples.${i}.target`, s.target));
    body.heartbeats?.forEach((h, i) => flag(`heartbeats.${i}.target`, h.target));
    const parts = [
      unknown.length > 0 ? `Unknown targets: ${listed(unknown)}. Create them as push targets first.` : "",
      notPush.length > 0 ? `Not push targets: ${listed(notPush)}.` : "",
    ];
    throw new ApiError(422, "validation_failed", parts.filter(Boolean).join(" "), fieldErrors);
  }
  return bySlug;
}

export async function storePushedMetrics(body: PushMetrics, now = new Date()): Promise<PushResult> {
  const bySlug = await resolveTargets(body);
  const perTarget = new Map<string, TargetObservations & { checks: NonNullable<TargetObservations["checks"]>; metrics: NonNullable<TargetObservations["metrics"]> }>();
  const of = (slug: string) => {
    const entry = perTarget.get(slug) ?? { checks: [], metrics: [] };
    perTarget.set(slug, entry);
    return entry;
  };
  for (const s of body.samples) of(s.target).metrics.push({ at: s.at ? new Date(s.at) : now, metric: s.metric, value: s.value, labels: s.labels });
  for (const h of body.heartbeats ?? []) {
    const down = h.status === "down";
    of(h.target).checks.push({ at: h.at ? new Date(h.at) : now, ok: !down, durationMs: 0, failure: down ? { kind: "heartbeat-down", message: "the sender reported down" } : undefined });
  }
  const result: PushResult = { accepted: { samples: 0, heartbeats: 0 }, ignored: { samples: 0, heartbeats: 0, targets: [] }, alertEvents: 0 };
  // One transaction for the batch; targets in id order so two batches never lock in opposite orders.
  const entries = [...perTarget].sort(([a], [b]) => (bySlug.get(a)!.id < bySlug.get(b)!.id ? -1 : 1));
  const alertEvents: AlertEvent[] = [];
  await db.$transaction(
    async (tx) => {
      for (const [slug, obs] of entries) {
        const target = bySlug.get(slug)!;
        const bucket = target.enabled ? result.accepted : result.ignored;
        bucket.samples += obs.metrics.length;
        bucket.heartbeats += obs.checks.length;
        if (!target.enabled) {
          result.ignored.targets.push(slug);
          continue;
        }
        const { events } = await recordObservationsIn(tx, target, obs);
        result.alertEvents += events.length;
        alertEvents.push(...events);
      }
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
  await afterAlertEvents(alertEvents);
  return result;
}
