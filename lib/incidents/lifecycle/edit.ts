// Edits of an incident's fields and timestamps, with the old and new values in the audit log and timeline.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Incident, Prisma } from "@/lib/generated/prisma/client";
import { nowOf, type IncidentContext } from "../context";
import { PostmortemInput, type EditIncidentInput } from "../schemas";
import { orderMessage, timestampOrderErrors } from "./timestamps";
import { addEvent } from "./timeline";
import { getIncidentType } from "../types";

const show = (v: unknown) =>
  v instanceof Date
    ? v.toISOString()
    : Array.isArray(v)
      ? v.join(", ") || "none"
      : v === null || v === undefined
        ? "none"
        : String(v);

export async function editIncident(ctx: IncidentContext, id: string, input: EditIncidentInput): Promise<Incident> {
  const now = nowOf(ctx);
  if (input.type && !(await getIncidentType(input.type)))
    throw new ApiError(400, "validation_failed", `Unknown incident type "${input.type}".`, { type: ["Unknown type."] });
  let commander: { commanderId: string | null; commanderName: string | null } | undefined;
  if (input.commanderId !== undefined) {
    const user = input.commanderId ? await db.user.findUnique({ where: { id: input.commanderId } }) : null;
    if (input.commanderId && !user?.active)
      throw new ApiError(400, "validation_failed", "The commander must be an active user.", {
        commanderId: ["Unknown or inactive user."],
      });
    commander = { commanderId: input.commanderId, commanderName: user?.displayName ?? null };
  }
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Incident[]>`SELECT * FROM "Incident" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const current = rows[0];
    if (!current) throw new ApiError(404, "not_found", "No such incident.");
    const { type, commanderId: _c, ...rest } = input;
    const data: Prisma.IncidentUpdateInput = { ...rest, ...(type ? { typeKey: type } : {}), ...(commander ?? {}) };
    const next = { ...current, ...rest };
    if ((input.resolvedAt === null && current.resolvedAt) || (input.resolvedAt && !current.resolvedAt)) {
      throw new ApiError(
        409,
        "conflict",
        "Resolve an incident with its resolve action; an edit can only correct the time of an existing resolution.",
      );
    }
    const order = timestampOrderErrors(next);
    if (order) throw new ApiError(400, "validation_failed", orderMessage(order), order);
    const changes: Record<string, { from: string; to: string }> = {};
    const before: Record<string, unknown> = { ...current, type: current.typeKey };
    for (const [key, value] of Object.entries({
      ...rest,
      ...(type ? { type } : {}),
      ...(commander ? { commander: commander.commanderName } : {}),
    })) {
      const from = key === "commander" ? show(current.commanderName) : show(before[key]);
      if (from !== show(value)) changes[key] = { from, to: show(value) };
    }
    if (Object.keys(changes).length === 0) return current;
    const updated = await tx.incident.update({ where: { id }, data });
    const body = Object.entries(changes)
      .map(([k, c]) => `${k}: ${c.from} → ${c.to}`)
      .join("; ");
    await addEvent(tx, id, {
      kind: "edited",
      source: "person",
      body: `Edited — ${body}`,
      at: now,
      actorId: ctx.actor?.id,
      actorName: ctx.actor?.username,
      detail: changes,
    });
    await recordAudit(
      { action: "incident.edited", actorId: ctx.actor?.id, target: id, ip: ctx.actor?.ip, detail: changes },
      tx,
    );
    return updated;
  });
}

export async function savePostmortem(ctx: IncidentContext, id: string, input: PostmortemInput): Promise<Incident> {
  const now = nowOf(ctx);
  return db.$transaction(async (tx) => {
    const found = await tx.incident.findUnique({ where: { id } });
    if (!found) throw new ApiError(404, "not_found", "No such incident.");
    const updated = await tx.incident.update({ where: { id }, data: { postmortem: PostmortemInput.parse(input) } });
    await addEvent(tx, id, {
      kind: "postmortem",
      source: "person",
      body: "Postmortem saved",
      at: now,
      actorId: ctx.actor?.id,
      actorName: ctx.actor?.username,
    });
    await recordAudit(
      { action: "incident.postmortem_saved", actorId: ctx.actor?.id, target: id, ip: ctx.actor?.ip },
      tx,
    );
    return updated;
  });
}
