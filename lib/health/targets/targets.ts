// Health targets: create, change, delete, list. Callers authorize (the admin routes); every change is audited.
import { db } from "@/lib/db";
import { ApiError, validationError } from "@/lib/errors";
import { Prisma, type HealthTarget } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { CreateTargetInput, type CreateTarget } from "../schemas";
import { nextSlotAfter, phaseFor } from "../scheduler/slots";
import { targetConfig } from "./target-config";
import {
  describeSecrets,
  joinSecrets,
  mergeSubmitted,
  openSecrets,
  sealSecrets,
  splitSecrets,
  type SecretsSet,
} from "./target-secrets";

/** The row's columns for an input; `config` is the full config, `stored` it without secrets, `secrets` them sealed. */
function splitInput(input: CreateTarget) {
  const { kind, name, slug, serviceGroup, intervalSeconds, enabled, breachesToChange, thresholds, ...rest } = input;
  const config = (input.kind === "http" ? input.check : rest) as Record<string, unknown>;
  const common = {
    kind,
    name,
    serviceGroup,
    intervalSeconds,
    enabled,
    breachesToChange,
    thresholds: thresholds ?? Prisma.DbNull,
  };
  const { config: stored, secrets } = splitSecrets(kind, config);
  return {
    common,
    slug: slug ?? slugify(name),
    config,
    stored: stored as Prisma.InputJsonValue,
    secrets: sealSecrets(secrets),
  };
}

/** The stored config with its secrets put back (legacy rows kept them inline: they come back as they are). */
function fullConfig(target: Pick<HealthTarget, "kind" | "config" | "secrets">): Record<string, unknown> {
  return joinSecrets(target.kind, target.config as Record<string, unknown>, openSecrets(target.secrets));
}

/** The create-shaped input of a stored target, so a PATCH can be merged and validated as a whole. */
function toInput(target: HealthTarget): Record<string, unknown> {
  const base = {
    kind: target.kind,
    name: target.name,
    slug: target.slug,
    serviceGroup: target.serviceGroup,
    intervalSeconds: target.intervalSeconds,
    enabled: target.enabled,
    breachesToChange: target.breachesToChange,
    ...(target.thresholds === null ? {} : { thresholds: target.thresholds }),
  };
  return target.kind === "http"
    ? { ...base, check: target.config }
    : { ...base, ...(target.config as Record<string, unknown>) };
}

/** JSON with object keys sorted: jsonb stores keys in its own order, so a plain stringify would see every stored config as changed. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9._:/-]+/g, "-")
    .replace(/^[^a-z0-9]+|-+$/g, "")
    .slice(0, 128);
  return slug === "" ? "target" : slug;
}

/**
 * A new or changed HTTP/Prometheus target is due at once, so whoever added it sees its state within
 * seconds; the claim then moves it onto its jittered slots. Push targets get one interval to send
 * their first heartbeat, on their slot.
 */
function firstCheckAt(
  target: Pick<HealthTarget, "kind" | "config" | "enabled" | "intervalSeconds" | "phaseMs">,
  now: Date,
): Date | null {
  if (!target.enabled) return null;
  const config = targetConfig(target);
  if (config.kind !== "push") return now;
  if (!config.heartbeats) return null;
  const intervalMs = target.intervalSeconds * 1000;
  return new Date(nextSlotAfter(now.getTime() + intervalMs, intervalMs, target.phaseMs));
}

function conflictOnSlug(error: unknown, slug: string): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new ApiError(409, "conflict", `A target with the slug "${slug}" exists; choose another slug.`, {
      slug: ["Taken."],
    });
  }
  throw error;
}

export async function createHealthTarget(
  input: CreateTarget,
  actorId: string | null,
  ip: string,
  now = new Date(),
): Promise<HealthTarget> {
  const { common, slug, stored, secrets } = splitInput(input);
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.healthTarget.create({ data: { ...common, slug, config: stored, secrets, phaseMs: 0 } });
      // The phase hashes the id, which exists only now.
      const phaseMs = phaseFor(created.id, created.intervalSeconds * 1000);
      const target = await tx.healthTarget.update({
        where: { id: created.id },
        data: { phaseMs, nextCheckAt: firstCheckAt({ ...created, phaseMs }, now) },
      });
      await recordAudit(
        { action: "health_target.created", actorId, target: slug, ip, detail: { kind: target.kind } },
        tx,
      );
      return target;
    });
  } catch (error) {
    return conflictOnSlug(error, slug);
  }
}

/**
 * Applies a PATCH (top-level keys replace; `thresholds: null` clears) and validates the result as a
 * whole. Stored secrets the PATCH does not resend are kept (see mergeSubmitted) unless `forgetSecrets: true`.
 */
export async function updateHealthTarget(
  id: string,
  body: Record<string, unknown>,
  actorId: string | null,
  ip: string,
  now = new Date(),
): Promise<HealthTarget> {
  const existing = await db.healthTarget.findUnique({ where: { id } });
  if (!existing) throw new ApiError(404, "not_found", "No such health target.");
  const { forgetSecrets, ...patch } = body;
  const previous = fullConfig(existing);
  const merged = { ...toInput(existing), ...patch };
  if (patch.thresholds === null) delete merged.thresholds;
  const sent = existing.kind === "http" ? merged.check : merged;
  if (typeof sent === "object" && sent !== null && !Array.isArray(sent)) {
    const full = mergeSubmitted(
      existing.kind,
      sent as Record<string, unknown>,
      splitSecrets(existing.kind, previous),
      forgetSecrets === true,
    );
    if (existing.kind === "http") merged.check = full;
    else Object.assign(merged, { url: full.url });
  }
  const parsed = CreateTargetInput.safeParse(merged);
  if (!parsed.success) throw validationError(parsed.error);
  const { common, slug, config, stored, secrets } = splitInput(parsed.data);
  const phaseMs = phaseFor(id, common.intervalSeconds * 1000);
  const configChanged = canonicalJson(config) !== canonicalJson(previous);
  const rescheduled =
    configChanged || common.enabled !== existing.enabled || common.intervalSeconds !== existing.intervalSeconds;
  try {
    return await db.$transaction(async (tx) => {
      const target = await tx.healthTarget.update({
        where: { id },
        data: { ...common, slug, config: stored, secrets, phaseMs },
      });
      const nextCheckAt = rescheduled ? firstCheckAt(target, now) : target.nextCheckAt;
      if (rescheduled) await tx.healthTarget.update({ where: { id }, data: { nextCheckAt } });
      // Rates from a scrape of another URL or mapping would be nonsense.
      if (configChanged) await tx.healthScrapeBaseline.deleteMany({ where: { targetId: id } });
      await recordAudit(
        { action: "health_target.updated", actorId, target: slug, ip, detail: { fields: Object.keys(body).sort() } },
        tx,
      );
      return { ...target, nextCheckAt };
    });
  } catch (error) {
    return conflictOnSlug(error, slug);
  }
}

/** Deletes the target and its samples, rollups and states; its alert events stay, with its name. */
export async function deleteHealthTarget(id: string, actorId: string | null, ip: string): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const existing = await tx.healthTarget.findUnique({ where: { id }, select: { slug: true, kind: true } });
    if (!existing) throw new ApiError(404, "not_found", "No such health target.");
    await tx.healthTarget.delete({ where: { id } });
    await recordAudit(
      { action: "health_target.deleted", actorId, target: existing.slug, ip, detail: { kind: existing.kind } },
      tx,
    );
    return { id };
  });
}

export async function listHealthTargets(): Promise<HealthTarget[]> {
  return db.healthTarget.findMany({ orderBy: [{ serviceGroup: "asc" }, { name: "asc" }] });
}

export async function findHealthTarget(id: string): Promise<HealthTarget | null> {
  return db.healthTarget.findUnique({ where: { id } });
}

export async function getHealthTarget(id: string): Promise<HealthTarget> {
  const target = await findHealthTarget(id);
  if (!target) throw new ApiError(404, "not_found", "No such health target.");
  return target;
}

/** A target as admins see it: the config without secrets, and which secrets are set. */
export type AdminTarget = Omit<HealthTarget, "secrets"> & { secretsSet: SecretsSet };

export function toAdminTarget(target: HealthTarget): AdminTarget {
  const { secrets: _sealed, ...rest } = target;
  const { config, secrets } = splitSecrets(target.kind, fullConfig(target));
  return { ...rest, config: config as Prisma.JsonValue, secretsSet: describeSecrets(secrets) };
}

/** Seals secrets that rows written before secrets were encrypted still keep inline; returns how many rows changed. */
export async function sealInlineTargetSecrets(): Promise<number> {
  const rows = await db.healthTarget.findMany({ where: { kind: { in: ["http", "prometheus"] } } });
  let sealed = 0;
  for (const row of rows) {
    const { config, secrets } = splitSecrets(row.kind, fullConfig(row));
    if (canonicalJson(config) === canonicalJson(row.config)) continue;
    await db.healthTarget.update({
      where: { id: row.id },
      data: { config: config as Prisma.InputJsonValue, secrets: sealSecrets(secrets) },
    });
    sealed += 1;
  }
  return sealed;
}
