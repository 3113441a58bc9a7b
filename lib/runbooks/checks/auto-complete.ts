// Bound items complete themselves while their check passes: recorded as done automatically, with time and value.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import { evaluateCheck, evaluateChecks, PROCEDURE_CHECKS } from "./catalogue";
import { isCheckId, type CheckResult, type CheckScope } from "./ids";

export async function autoCompleteRuns(ctx: {
  now: Date;
  scope?: CheckScope;
  runIds?: string[];
}): Promise<{ runs: number; completed: number }> {
  const runs = await db.checklistRun.findMany({
    where: {
      signedOffAt: null,
      skippedAt: null,
      periodStart: { lte: ctx.now },
      section: { removedAt: null },
      ...(ctx.runIds ? { id: { in: ctx.runIds } } : {}),
    },
    select: {
      id: true,
      periodStart: true,
      version: true,
      repoId: true,
      section: {
        select: {
          items: {
            where: { removedAt: null, checkId: { not: null } },
            select: { id: true, checkId: true, text: true },
          },
        },
      },
    },
  });
  const ids = runs
    .flatMap((r) => r.section.items.map((i) => i.checkId))
    .filter((id): id is string => id !== null)
    .filter(isCheckId);
  const shared = await evaluateChecks(ids, { now: ctx.now, scope: ctx.scope });
  let completed = 0;
  for (const run of runs) {
    // A live completion, or an automatic tick a person undid (steward does not re-tick what a person took back).
    const done = new Set(
      (
        await db.checklistCompletion.findMany({
          where: { runId: run.id, OR: [{ undoneAt: null }, { source: "auto" }] },
          select: { itemId: true },
        })
      ).map((c) => c.itemId),
    );
    for (const item of run.section.items) {
      if (done.has(item.id) || !item.checkId || !isCheckId(item.checkId)) continue;
      const result: CheckResult | undefined = PROCEDURE_CHECKS.has(item.checkId)
        ? await evaluateCheck(item.checkId, {
            now: ctx.now,
            scope: ctx.scope,
            procedure: { version: run.version, repoId: run.repoId },
          })
        : shared.get(item.checkId);
      if (result?.status !== "pass") continue;
      const evidence = {
        status: result.status,
        value: result.value,
        display: result.display,
      } satisfies Prisma.InputJsonValue;
      const created = await db.checklistCompletion.createMany({
        data: [
          {
            runId: run.id,
            itemId: item.id,
            status: "done",
            source: "auto",
            byName: "steward",
            at: ctx.now,
            checkId: item.checkId,
            value: evidence,
            evidenceUrl: result.evidenceUrl,
          },
        ],
        skipDuplicates: true,
      });
      if (created.count > 0) {
        completed++;
        await recordAudit({
          action: "checklist.item_auto_done",
          target: run.id,
          detail: { item: item.text, check: item.checkId, ...evidence },
        });
      }
    }
  }
  return { runs: runs.length, completed };
}
