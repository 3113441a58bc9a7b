// Activate / pause a runbook, edit a section's cadence, bind an item to a check. All audited.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/request";
import { validateRrule } from "@/lib/runbooks/recurrence/rule";
import { isCheckId } from "@/lib/runbooks/checks/ids";
import type { UpdateSectionInput } from "@/lib/runbooks/schemas";
import { EDITABLE_FIELDS } from "./save-import-types";
import { ensureDueRuns } from "@/lib/runbooks/recurrence/ensure-runs";
import { getTeamSchedule } from "@/lib/team/schedule";

type Ctx = { actor: Actor; now?: Date };

/** Activation starts every section's schedule now: periods before it (or while paused) are never back-filled. */
export async function setRunbookActive(ctx: Ctx, id: string, active: boolean) {
  const now = ctx.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    const updated = await tx.runbook.updateMany({ where: { id, active: !active }, data: { active } });
    if (updated.count === 0) {
      if (!(await tx.runbook.findUnique({ where: { id }, select: { id: true } })))
        throw new ApiError(404, "not_found", "No such runbook.");
      return { id, active, changed: false };
    }
    if (active) await tx.runbookSection.updateMany({ where: { runbookId: id }, data: { scheduledFrom: now } });
    await recordAudit(
      { action: active ? "runbook.activated" : "runbook.paused", actorId: ctx.actor.id, ip: ctx.actor.ip, target: id },
      tx,
    );
    return { id, active, changed: true };
  });
  if (active && result.changed) await createCurrentRuns(id, now);
  return result;
}

/** The current period's runs at once on activation, rather than at the scheduler's next tick (idempotent either way). */
export async function createCurrentRuns(runbookId: string, now: Date): Promise<void> {
  const sectionIds = (
    await db.runbookSection.findMany({ where: { runbookId, removedAt: null }, select: { id: true } })
  ).map((s) => s.id);
  await ensureDueRuns({ now, schedule: await getTeamSchedule(), sectionIds });
}

export async function updateSection(ctx: Ctx, id: string, input: UpdateSectionInput) {
  if (input.rrule) {
    const problem = validateRrule(input.rrule);
    if (problem) throw new ApiError(400, "validation_failed", problem, { rrule: [problem] });
  }
  return db.$transaction(async (tx) => {
    const before = await tx.runbookSection.findUnique({ where: { id }, select: { editedFields: true } });
    if (!before) throw new ApiError(404, "not_found", "No such section.");
    // Remembered so a re-import of the runbook keeps what a person set here.
    const edited = new Set([...before.editedFields, ...EDITABLE_FIELDS.filter((f) => input[f] !== undefined)]);
    const section = await tx.runbookSection
      .update({
        where: { id },
        data: {
          editedFields: [...edited],
          rrule: input.rrule === undefined ? undefined : input.rrule || null,
          onDemand: input.onDemand,
          businessHoursOnly: input.businessHoursOnly,
          dueTime: input.dueTime,
        },
      })
      .catch(() => null);
    if (!section) throw new ApiError(404, "not_found", "No such section.");
    await recordAudit(
      { action: "runbook_section.updated", actorId: ctx.actor.id, ip: ctx.actor.ip, target: id, detail: { ...input } },
      tx,
    );
    return section;
  });
}

export async function bindItemCheck(ctx: Ctx, id: string, checkId: string | null) {
  if (checkId !== null && !isCheckId(checkId))
    throw new ApiError(400, "validation_failed", `Unknown check "${checkId}".`, { checkId: ["Unknown check."] });
  return db.$transaction(async (tx) => {
    const item = await tx.runbookItem.update({ where: { id }, data: { checkId } }).catch(() => null);
    if (!item) throw new ApiError(404, "not_found", "No such item.");
    await recordAudit(
      { action: "runbook_item.check_bound", actorId: ctx.actor.id, ip: ctx.actor.ip, target: id, detail: { checkId } },
      tx,
    );
    return item;
  });
}
