// Ticking, skipping, signing off and starting runs. Each guard is a condition in the database write itself.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/request";
import type { TickInput } from "@/lib/runbooks/schemas";

type Ctx = { actor: Actor; now?: Date };

async function openRun(runId: string) {
  const run = await db.checklistRun.findUnique({
    where: { id: runId },
    select: { id: true, sectionId: true, signedOffAt: true, skippedAt: true },
  });
  if (!run) throw new ApiError(404, "not_found", "No such checklist run.");
  if (run.signedOffAt) throw new ApiError(409, "conflict", "This run is signed off; its record can no longer change.");
  if (run.skippedAt) throw new ApiError(409, "conflict", "This run was skipped.");
  return run;
}

export async function tickItem(ctx: Ctx, target: { runId: string; itemId: string }, input: TickInput) {
  const now = ctx.now ?? new Date();
  const run = await openRun(target.runId);
  const item = await db.runbookItem.findFirst({
    where: { id: target.itemId, sectionId: run.sectionId, removedAt: null },
  });
  if (!item) throw new ApiError(404, "not_found", "This item is not part of the run's checklist.");
  return db.$transaction(async (tx) => {
    const created = await tx.checklistCompletion.createManyAndReturn({
      data: [
        {
          runId: run.id,
          itemId: item.id,
          status: input.status,
          source: "manual",
          byId: ctx.actor.id,
          byName: ctx.actor.username,
          at: now,
          note: input.note || null,
        },
      ],
      skipDuplicates: true,
    });
    if (created.length === 0) throw new ApiError(409, "conflict", "This item is already done or skipped in this run.");
    await recordAudit(
      {
        action: input.status === "done" ? "checklist.item_done" : "checklist.item_skipped",
        actorId: ctx.actor.id,
        ip: ctx.actor.ip,
        target: run.id,
        detail: { item: item.text, note: input.note ?? null },
      },
      tx,
    );
    return created[0];
  });
}

export async function skipRun(ctx: Ctx, runId: string, reason: string) {
  const now = ctx.now ?? new Date();
  return db.$transaction(async (tx) => {
    const updated = await tx.checklistRun.updateMany({
      where: { id: runId, signedOffAt: null, skippedAt: null },
      data: { skippedAt: now, skippedBy: ctx.actor.username, skipReason: reason },
    });
    if (updated.count === 0) throw new ApiError(409, "conflict", "Only an open run can be skipped.");
    await recordAudit(
      { action: "checklist.run_skipped", actorId: ctx.actor.id, ip: ctx.actor.ip, target: runId, detail: { reason } },
      tx,
    );
  });
}

/** Signs off a run whose every item is done or skipped. The sign-off row is unique per run and never updated. */
export async function signOffRun(ctx: Ctx, runId: string, note?: string) {
  const now = ctx.now ?? new Date();
  const run = await openRun(runId);
  const [items, completions] = await Promise.all([
    db.runbookItem.findMany({ where: { sectionId: run.sectionId, removedAt: null }, select: { id: true } }),
    db.checklistCompletion.findMany({ where: { runId }, select: { itemId: true, status: true, source: true } }),
  ]);
  const done = new Set(completions.map((c) => c.itemId));
  const open = items.filter((i) => !done.has(i.id)).length;
  if (open > 0)
    throw new ApiError(409, "conflict", `${open} item${open === 1 ? " is" : "s are"} neither done nor skipped.`);
  const summary = {
    items: items.length,
    done: completions.filter((c) => c.status === "done").length,
    skipped: completions.filter((c) => c.status === "skipped").length,
    automatic: completions.filter((c) => c.source === "auto").length,
  };
  return db.$transaction(async (tx) => {
    const updated = await tx.checklistRun.updateMany({
      where: { id: runId, signedOffAt: null, skippedAt: null },
      data: { signedOffAt: now },
    });
    if (updated.count === 0) throw new ApiError(409, "conflict", "This run is already signed off.");
    const signOff = await tx.checklistSignOff.create({
      data: {
        runId,
        byId: ctx.actor.id,
        byName: ctx.actor.username ?? "unknown",
        at: now,
        note: note || null,
        summary,
      },
    });
    await recordAudit(
      { action: "checklist.signed_off", actorId: ctx.actor.id, ip: ctx.actor.ip, target: runId, detail: summary },
      tx,
    );
    return signOff;
  });
}

/** A run of an on-demand section (a procedure): its own period key, due now. */
export async function startProcedureRun(ctx: Ctx, sectionId: string, label: string) {
  const now = ctx.now ?? new Date();
  const section = await db.runbookSection.findFirst({
    where: { id: sectionId, removedAt: null },
    select: { id: true, title: true },
  });
  if (!section) throw new ApiError(404, "not_found", "No such section.");
  return db.$transaction(async (tx) => {
    const run = await tx.checklistRun.create({
      data: {
        sectionId,
        periodKey: `run:${now.toISOString()}:${crypto.randomUUID().slice(0, 8)}`,
        label,
        periodStart: now,
        dueAt: now,
        startedBy: ctx.actor.username,
      },
    });
    await recordAudit(
      {
        action: "checklist.run_started",
        actorId: ctx.actor.id,
        ip: ctx.actor.ip,
        target: run.id,
        detail: { section: section.title, label },
      },
      tx,
    );
    return run;
  });
}
