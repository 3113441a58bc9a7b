// Opening, updating and resolving incidents. Each operation: validate → one transaction → audit.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Incident, Prisma } from "@/lib/generated/prisma/client";
import { actorName, nowOf, type IncidentContext } from "../context";
import { transitionError, type AddUpdateInput, type CreateIncidentInput, type ResolveInput } from "../schemas";
import { orderMessage, timestampOrderErrors } from "./timestamps";
import { addEvent } from "./timeline";
import { getIncidentType } from "../types";
import { notifyIncident } from "./notify-hook";

const TX = { timeout: 30_000, maxWait: 30_000 };

async function assertType(key: string) {
  const type = await getIncidentType(key);
  if (!type)
    throw new ApiError(400, "validation_failed", `Unknown incident type "${key}".`, {
      type: [`Unknown incident type "${key}".`],
    });
  return type;
}

async function commanderName(id: string | undefined | null): Promise<string | null> {
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { displayName: true, active: true } });
  if (!user?.active)
    throw new ApiError(400, "validation_failed", "The commander must be an active user.", {
      commanderId: ["Unknown or inactive user."],
    });
  return user.displayName;
}

export async function createIncident(
  ctx: IncidentContext,
  input: CreateIncidentInput & { dedupKey?: string },
  tx?: Prisma.TransactionClient,
): Promise<Incident> {
  const now = nowOf(ctx);
  await assertType(input.type);
  const startedAt = input.startedAt ?? now;
  const detectedAt = input.detectedAt ?? (startedAt > now ? startedAt : now);
  const order = timestampOrderErrors({
    startedAt,
    detectedAt,
    acknowledgedAt: null,
    mitigatedAt: null,
    resolvedAt: null,
  });
  if (order) throw new ApiError(400, "validation_failed", orderMessage(order), order);
  const cName = await commanderName(input.commanderId);
  const run = async (t: Prisma.TransactionClient) => {
    const incident = await t.incident.create({
      data: {
        title: input.title,
        typeKey: input.type,
        severity: input.severity,
        public: input.public,
        targetIds: input.targetIds,
        repositories: input.repositories,
        startedAt,
        detectedAt,
        dedupKey: input.dedupKey ?? null,
        commanderId: input.commanderId ?? null,
        commanderName: cName,
        createdById: ctx.actor?.id ?? null,
      },
    });
    await addEvent(t, incident.id, {
      kind: "opened",
      source: ctx.actor ? "person" : "health",
      body: `Incident opened: ${input.title}`,
      at: now,
      status: "investigating",
      actorId: ctx.actor?.id,
      actorName: ctx.actor?.username,
    });
    await recordAudit(
      {
        action: "incident.created",
        actorId: ctx.actor?.id,
        target: incident.id,
        ip: ctx.actor?.ip,
        detail: { title: input.title, type: input.type, severity: input.severity },
      },
      t,
    );
    return incident;
  };
  const incident = tx ? await run(tx) : await db.$transaction(run, TX);
  if (!tx) await notifyIncident("opened", incident.id);
  return incident;
}

export type AcknowledgeResult =
  { won: true; incident: Incident } | { won: false; acknowledgedAt: Date; acknowledgedBy: string };

/** Exactly one acknowledgement: a conditional UPDATE … WHERE "acknowledgedAt" IS NULL RETURNING. */
export async function acknowledgeIncident(ctx: IncidentContext, id: string): Promise<AcknowledgeResult> {
  const now = nowOf(ctx);
  const by = actorName(ctx);
  const result = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      Incident[]
    >`UPDATE "Incident" SET "acknowledgedAt" = GREATEST(${now}::timestamptz, "detectedAt"),
        "acknowledgedById" = ${ctx.actor?.id ?? null}, "acknowledgedByName" = ${by}, "updatedAt" = now()
      WHERE "id" = ${id}::uuid AND "acknowledgedAt" IS NULL AND "resolvedAt" IS NULL RETURNING *`;
    if (rows.length === 0) return null;
    await addEvent(tx, id, {
      kind: "acknowledged",
      source: "person",
      body: `Acknowledged by ${by}`,
      at: now,
      actorId: ctx.actor?.id,
      actorName: by,
    });
    await recordAudit({ action: "incident.acknowledged", actorId: ctx.actor?.id, target: id, ip: ctx.actor?.ip }, tx);
    return rows[0] ?? null;
  }, TX);
  if (result) {
    await notifyIncident("acknowledged", id);
    return { won: true, incident: result };
  }
  const current = await db.incident.findUnique({ where: { id } });
  if (!current) throw new ApiError(404, "not_found", "No such incident.");
  if (!current.acknowledgedAt)
    throw new ApiError(409, "conflict", "The incident is resolved; there is nothing to acknowledge.");
  return {
    won: false,
    acknowledgedAt: current.acknowledgedAt,
    acknowledgedBy: current.acknowledgedByName ?? "someone",
  };
}

/** Locks the row for the rest of the transaction so concurrent status changes see each other. */
async function lockIncident(tx: Prisma.TransactionClient, id: string): Promise<Incident> {
  const rows = await tx.$queryRaw<Incident[]>`SELECT * FROM "Incident" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new ApiError(404, "not_found", "No such incident.");
  return row;
}

export async function addIncidentUpdate(ctx: IncidentContext, id: string, input: AddUpdateInput): Promise<Incident> {
  const now = nowOf(ctx);
  if (input.status === "resolved") return resolveIncident(ctx, id, { message: input.message });
  let changed = false;
  const incident = await db.$transaction(async (tx) => {
    const current = await lockIncident(tx, id);
    if (current.status === "resolved")
      throw new ApiError(
        409,
        "conflict",
        `The incident is already resolved; it cannot move to ${input.status ?? "another status"} or take updates. Open a new incident if the problem returned.`,
      );
    const to = input.status ?? current.status;
    const problem = transitionError(current.status, to);
    if (problem) throw new ApiError(409, "conflict", problem);
    changed = to !== current.status;
    const data: Prisma.IncidentUpdateInput = { status: to };
    if (changed && to === "monitoring" && !current.mitigatedAt) data.mitigatedAt = now;
    const updated = await tx.incident.update({ where: { id }, data });
    if (changed)
      await addEvent(tx, id, {
        kind: "status",
        source: "person",
        status: to,
        body: `Status changed from ${current.status} to ${to}`,
        at: now,
        actorId: ctx.actor?.id,
        actorName: ctx.actor?.username,
      });
    await addEvent(tx, id, {
      kind: input.kind,
      source: "person",
      status: to,
      body: input.message,
      public: input.kind === "update" && input.public,
      at: now,
      actorId: ctx.actor?.id,
      actorName: ctx.actor?.username,
    });
    await recordAudit(
      {
        action: changed ? "incident.status_changed" : "incident.updated",
        actorId: ctx.actor?.id,
        target: id,
        ip: ctx.actor?.ip,
        detail: changed ? { from: current.status, to } : { kind: input.kind },
      },
      tx,
    );
    return updated;
  }, TX);
  if (changed) await notifyIncident("status_changed", id);
  return incident;
}

export async function resolveIncident(ctx: IncidentContext, id: string, input: ResolveInput): Promise<Incident> {
  const now = nowOf(ctx);
  const incident = await db.$transaction(async (tx) => {
    const current = await lockIncident(tx, id);
    if (current.status === "resolved")
      throw new ApiError(
        409,
        "conflict",
        `The incident is already resolved (at ${current.resolvedAt?.toISOString()}).`,
      );
    const resolvedAt = input.resolvedAt ?? now;
    const order = timestampOrderErrors({ ...current, resolvedAt });
    const mitigatedAt = current.mitigatedAt ?? resolvedAt;
    if (order) throw new ApiError(400, "validation_failed", orderMessage(order), order);
    const updated = await tx.incident.update({ where: { id }, data: { status: "resolved", resolvedAt, mitigatedAt } });
    await addEvent(tx, id, {
      kind: "resolved",
      source: ctx.actor ? "person" : "health",
      status: "resolved",
      body: input.message || `Resolved by ${actorName(ctx)}`,
      public: Boolean(input.message),
      at: now,
      actorId: ctx.actor?.id,
      actorName: ctx.actor?.username,
    });
    await recordAudit({ action: "incident.resolved", actorId: ctx.actor?.id, target: id, ip: ctx.actor?.ip }, tx);
    return updated;
  }, TX);
  await notifyIncident("resolved", id);
  return incident;
}
