// Ticking, undoing, skipping and signing off runs. Each guard is a condition in the database write itself, and the
// run's row is locked for the transaction, so a tick, an undo and a sign-off of one run happen one after another.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/request";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TickInput } from "@/lib/runbooks/schemas";

type Ctx = { actor: Actor; now?: Date };

async function lockOpenRun(tx: Prisma.TransactionClient, runId: string) {
  const [run] = await tx.$queryRaw<Array<{ sectionId: string; signedOffAt: Date | null; skippedAt: Date | null }>>`
    SELECT "sectionId", "signedOffAt", "skippedAt" FROM "ChecklistRun" WHERE "id" = ${runId}::uuid FOR UPDATE`;
  if (!run) throw new ApiError(404, "not_found", "No such checklist run.");
  if (run.signedOffAt) throw new ApiError(409, "conflict", "This run is signed off; its record can no longer change.");
  if (run.skippedAt) throw new ApiError(409, "conflict", "This run was skipped.");
  return { id: runId, sectionId: run.sectionId };
}

export async function tickItem(ctx: Ctx, target: { runId: string; itemId: string }, input: TickInput) {
  const now = ctx.now ?? new Date();
  return db.$transaction(async (tx) => {
    const run = await lockOpenRun(tx, target.runId);
    const item = await tx.runbookItem.findFirst({
      where: { id: target.itemId, sectionId: run.sectionId, removedAt: null },
    });
    if (!item) throw new ApiError(404, "not_found", "This item is not part of the run's checklist.");
    // ON CONFLICT DO NOTHING against the partial unique index: one live completion per (run, item).
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

/**
 * Takes back a tick (done or skipped, by a person or automatic) of an open run. The completion row stays, marked
 * undone with who and when; the conditional update makes concurrent undos record exactly one.
 */
export async function undoTick(ctx: Ctx, target: { runId: string; itemId: string }) {
  const now = ctx.now ?? new Date();
  return db.$transaction(async (tx) => {
    const run = await lockOpenRun(tx, target.runId);
    const undone = await tx.checklistCompletion.updateManyAndReturn({
      where: { runId: run.id, itemId: target.itemId, undoneAt: null },
      data: { undoneAt: now, undoneById: ctx.actor.id, undoneByName: ctx.actor.username },
    });
    const row = undone[0];
    if (!row)
      throw new ApiError(409, "conflict", "This item is not ticked in this run (it may have been undone just now).");
    const item = await tx.runbookItem.findUnique({ where: { id: row.itemId }, select: { text: true } });
    await recordAudit(
      {
        action: "checklist.item_undone",
        actorId: ctx.actor.id,
        ip: ctx.actor.ip,
        target: run.id,
        detail: {
          item: item?.text ?? null,
          was: row.status,
          source: row.source,
          by: row.byName,
          at: row.at.toISOString(),
        },
      },
      tx,
    );
    return row;
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
  return db.$transaction(async (tx) => {
    const run = await lockOpenRun(tx, runId);
    const [items, completions] = await Promise.all([
      tx.runbookItem.findMany({ where: { sectionId: run.sectionId, removedAt: null }, select: { id: true } }),
      tx.checklistCompletion.findMany({
        where: { runId, undoneAt: null },
        select: { itemId: true, status: true, source: true },
      }),
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
    await tx.checklistRun.update({ where: { id: runId }, data: { signedOffAt: now } });
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
