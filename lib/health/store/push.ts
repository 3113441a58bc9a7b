// The push API's work: rate limit per credential, then store a validated batch atomically.
import { sql, sqlTransaction } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import type { NextRequest } from "next/server";
import { authenticateAndCountApiToken } from "@/lib/auth/api-tokens";
import { bearerToken, type Principal, requirePrincipal, roleTooSmall, unauthorized } from "@/lib/auth/request";
import { hitRateLimit } from "@/lib/http/rate-limit";
import { afterAlertEvents } from "@/lib/incidents/lifecycle/auto-open";
import {
  type BatchEntry,
  type MetricObservation,
  type RecordableTarget,
  recordBatch,
  type TargetObservations,
} from "./record";
import type { PushMetrics } from "../schemas";

export type PushResult = {
  accepted: { samples: number; heartbeats: number };
  /** Data for disabled targets is acknowledged and dropped, so a paused target does not break its senders. */
  ignored: { samples: number; heartbeats: number; targets: string[] };
  alertEvents: number;
};

const pushLimit = () => ({ limit: getEnv().STEWARD_HEALTH_PUSH_RATE_LIMIT, windowMs: 60_000 });

const tooManyRequests = (limit: number, retryAfterSeconds: number) =>
  new ApiError(
    429,
    "too_many_requests",
    `At most ${limit} batches a minute per credential; retry in ${retryAfterSeconds} s.`,
    undefined,
    {
      "retry-after": String(retryAfterSeconds),
    },
  );

/** 429 with Retry-After once a token (or user) has sent its batches for the minute. */
export async function assertPushAllowed(principal: Principal, now = new Date()): Promise<void> {
  const limit = pushLimit();
  const key = principal.kind === "token" ? `push:token:${principal.tokenId}` : `push:user:${principal.user.id}`;
  const verdict = await hitRateLimit(key, limit, now);
  if (!verdict.allowed) throw tooManyRequests(limit.limit, verdict.retryAfterSeconds);
}

/**
 * requirePrincipal(request, "maintainer") then assertPushAllowed: the same answers (401, 403, 429) and
 * the same counting, but for a bearer token (what senders use) in one round trip instead of two or three.
 */
export async function authorizePush(request: NextRequest, now = new Date()): Promise<Principal> {
  const token = bearerToken(request);
  if (!token) {
    const principal = await requirePrincipal(request, "maintainer");
    await assertPushAllowed(principal, now);
    return principal;
  }
  const limit = pushLimit();
  const counted = await authenticateAndCountApiToken(token, "maintainer", "push:token:", limit, now);
  if (!counted.principal) throw unauthorized();
  if (!counted.allowed) throw roleTooSmall("maintainer", counted.principal.role);
  if (!counted.verdict.allowed) throw tooManyRequests(limit.limit, counted.verdict.retryAfterSeconds);
  return { kind: "token", ...counted.principal };
}

const listed = (names: string[]) =>
  names.length <= 20 ? names.join(", ") : `${names.slice(0, 20).join(", ")} and ${names.length - 20} more`;

type PushTarget = RecordableTarget & { slug: string; kind: string; enabled: boolean };

async function resolveTargets(body: PushMetrics) {
  const slugs = [...new Set([...body.samples.map((s) => s.target), ...(body.heartbeats ?? []).map((h) => h.target)])];
  // Plain SQL: this runs on every push, and a plain read is a fraction of a model query's cost.
  const targets = await sql().query<PushTarget>(
    `SELECT "id"::text AS "id", "slug", "kind"::text AS "kind", "enabled", "name", "thresholds", "breachesToChange"
    FROM "HealthTarget" WHERE "slug" = ANY($1::text[])`,
    [slugs],
  );
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
  const perTarget = new Map<
    string,
    TargetObservations & {
      checks: NonNullable<TargetObservations["checks"]>;
      metrics: NonNullable<TargetObservations["metrics"]>;
    }
  >();
  const of = (slug: string) => {
    const entry = perTarget.get(slug) ?? { checks: [], metrics: [] };
    perTarget.set(slug, entry);
    return entry;
  };
  // Unix milliseconds, not a Date per sample (Next's server wraps Date, which makes each one dear).
  const nowMs = now.getTime();
  for (const s of body.samples) {
    const sample: MetricObservation = { at: s.at ? Date.parse(s.at) : nowMs, metric: s.metric, value: s.value };
    if (s.labels) sample.labels = s.labels;
    of(s.target).metrics.push(sample);
  }
  for (const h of body.heartbeats ?? []) {
    const down = h.status === "down";
    of(h.target).checks.push({
      at: h.at ? new Date(h.at) : now,
      ok: !down,
      durationMs: 0,
      failure: down ? { kind: "heartbeat-down", message: "the sender reported down" } : undefined,
    });
  }
  const result: PushResult = {
    accepted: { samples: 0, heartbeats: 0 },
    ignored: { samples: 0, heartbeats: 0, targets: [] },
    alertEvents: 0,
  };
  const batch: BatchEntry[] = [];
  for (const [slug, obs] of perTarget) {
    const target = bySlug.get(slug)!;
    const bucket = target.enabled ? result.accepted : result.ignored;
    bucket.samples += obs.metrics.length;
    bucket.heartbeats += obs.checks.length;
    if (target.enabled) batch.push({ target, obs });
    else result.ignored.targets.push(slug);
  }
  // One transaction and a fixed number of statements for the whole batch (record.ts), on a pooled connection.
  const summaries = await sqlTransaction((tx) => recordBatch(tx, batch));
  result.alertEvents = summaries.reduce((n, s) => n + s.events.length, 0);
  await afterAlertEvents(summaries.flatMap((s) => s.events));
  return result;
}
