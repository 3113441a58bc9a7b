// Loads runs with their items, completions, live check values and status, as RunView.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { evaluateChecks, PROCEDURE_CHECKS, evaluateCheck } from "@/lib/runbooks/checks/catalogue";
import { isCheckId, type CheckId, type CheckResult } from "@/lib/runbooks/checks/ids";
import { cadenceInWords } from "@/lib/runbooks/cadence-words";
import type { CompletionView, RunStatus, RunView } from "./types";

const RUN_INCLUDE = {
  completions: { where: { undoneAt: null } },
  incident: { select: { id: true, title: true } },
  signOff: true,
  section: {
    include: {
      runbook: { select: { title: true } },
      items: { where: { removedAt: null }, orderBy: { position: "asc" } },
    },
  },
} satisfies Prisma.ChecklistRunInclude;
type RunRow = Prisma.ChecklistRunGetPayload<{ include: typeof RUN_INCLUDE }>;

/** A procedure run (started by name) has no due time to miss: it is "in progress" until signed off or skipped. */
export function runStatus(
  run: { dueAt: Date; signedOffAt: Date | null; skippedAt: Date | null; label?: string | null },
  now: Date,
): RunStatus {
  if (run.skippedAt) return "skipped";
  if (run.label) return run.signedOffAt ? "on_time" : "in_progress";
  if (run.signedOffAt) return run.signedOffAt <= run.dueAt ? "on_time" : "late";
  return run.dueAt < now ? "overdue" : "due";
}

function completionView(c: RunRow["completions"][number]): CompletionView {
  const value = c.value as { display?: string } | null;
  return {
    status: c.status,
    source: c.source,
    byName: c.byName,
    at: c.at.toISOString(),
    note: c.note,
    evidence: value?.display ?? null,
    evidenceUrl: c.evidenceUrl,
  };
}

export async function loadRuns(
  where: Prisma.ChecklistRunWhereInput,
  now: Date,
  options: { live: boolean; take?: number } = { live: true },
): Promise<RunView[]> {
  const rows = await db.checklistRun.findMany({
    where,
    include: RUN_INCLUDE,
    orderBy: { dueAt: "asc" },
    take: options.take,
  });
  const open = rows.filter((r) => !r.signedOffAt && !r.skippedAt);
  const ids = open
    .flatMap((r) => r.section.items.map((i) => i.checkId))
    .filter((id): id is string => !!id)
    .filter(isCheckId);
  const live = options.live ? await evaluateChecks(ids, { now }) : new Map<CheckId, CheckResult>();
  const views: RunView[] = [];
  for (const run of rows) {
    const byItem = new Map(run.completions.map((c) => [c.itemId, c]));
    const isOpen = !run.signedOffAt && !run.skippedAt;
    const items = await Promise.all(
      run.section.items.map(async (item) => {
        const checkId = item.checkId && isCheckId(item.checkId) ? item.checkId : null;
        let result: CheckResult | null = null;
        if (checkId && isOpen && options.live)
          result = PROCEDURE_CHECKS.has(checkId)
            ? await evaluateCheck(checkId, { now, procedure: { version: run.version, repoId: run.repoId } })
            : (live.get(checkId) ?? null);
        const completion = byItem.get(item.id);
        return {
          id: item.id,
          text: item.text,
          kind: item.kind,
          nested: item.parentKey !== null,
          checkId,
          live: result,
          completion: completion ? completionView(completion) : null,
        };
      }),
    );
    views.push({
      id: run.id,
      runbookTitle: run.section.runbook.title,
      sectionId: run.sectionId,
      sectionTitle: run.section.title,
      path: run.section.path as string[],
      label: run.label,
      version: run.version,
      incident: run.incident,
      periodKey: run.periodKey,
      cadence: cadenceInWords(run.section),
      dueAt: run.dueAt.toISOString(),
      status: runStatus(run, now),
      skipReason: run.skipReason,
      progress: { done: items.filter((i) => i.completion).length, total: items.length },
      signOff: run.signOff
        ? { byName: run.signOff.byName, at: run.signOff.at.toISOString(), note: run.signOff.note }
        : null,
      items,
      commands: run.section.commands as RunView["commands"],
    });
  }
  return views;
}
