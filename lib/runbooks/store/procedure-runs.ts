// Procedure runs: a run of an on-demand section (a release, an emergency procedure), started by hand, for a release
// version, or from an incident. A release run is one per (section, repository, version) and an incident run one per
// incident: the period key carries them, so the (section, periodKey) unique key makes a double start harmless.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/request";
import { versionOf } from "@/lib/runbooks/checks/version-checks";
import { normaliseText } from "@/lib/runbooks/import/text";
import type { TemplateId } from "@/lib/runbooks/schemas";
import { importRunbook } from "./save-import";

type Ctx = { actor: Actor; now?: Date };
type Start = { label: string; version?: string | null; repoId?: string | null; incidentId?: string | null };

/** Starts (or returns the existing) run of a procedure. `created` says which. */
export async function startProcedureRun(ctx: Ctx, sectionId: string, start: Start) {
  const now = ctx.now ?? new Date();
  const section = await db.runbookSection.findFirst({
    where: { id: sectionId, removedAt: null },
    select: { id: true, title: true },
  });
  if (!section) throw new ApiError(404, "not_found", "No such section.");
  const version = start.version?.trim() || null;
  const periodKey = start.incidentId
    ? `incident:${start.incidentId}`
    : version
      ? `release:${start.repoId ?? "any"}:${versionOf(version) ?? version.replace(/^v/i, "")}`
      : `run:${now.toISOString()}:${crypto.randomUUID().slice(0, 8)}`;
  return db.$transaction(async (tx) => {
    const created = await tx.checklistRun.createManyAndReturn({
      data: [
        {
          sectionId,
          periodKey,
          label: start.label,
          version,
          repoId: start.repoId ?? null,
          incidentId: start.incidentId ?? null,
          periodStart: now,
          dueAt: now,
          startedBy: ctx.actor.username,
        },
      ],
      skipDuplicates: true,
    });
    const run =
      created[0] ??
      (await tx.checklistRun.findUniqueOrThrow({ where: { sectionId_periodKey: { sectionId, periodKey } } }));
    if (created[0])
      await recordAudit(
        {
          action: "checklist.run_started",
          actorId: ctx.actor.id,
          ip: ctx.actor.ip,
          target: run.id,
          detail: { section: section.title, label: start.label, version, incidentId: start.incidentId ?? null },
        },
        tx,
      );
    return { run, created: created.length > 0 };
  });
}

/** An on-demand section whose title matches, preferring active runbooks; else the built-in template, imported paused. */
export async function findProcedureSection(ctx: Ctx, titles: RegExp, template: TemplateId) {
  const all = await db.runbookSection.findMany({
    where: { removedAt: null, onDemand: true },
    select: { id: true, title: true, runbook: { select: { active: true, importedAt: true } } },
  });
  const match = all
    .filter((s) => titles.test(normaliseText(s.title)))
    .sort(
      (a, b) => Number(b.runbook.active) - Number(a.runbook.active) || +b.runbook.importedAt - +a.runbook.importedAt,
    )[0];
  if (match) return match;
  const existing = await db.runbook.findFirst({ where: { source: `template:${template}` }, select: { title: true } });
  if (existing)
    throw new ApiError(
      404,
      "not_found",
      `No procedure matching ${titles.source} in "${existing.title}": re-import the template or start one by hand.`,
    );
  await importRunbook(ctx, { template, activate: false });
  const again = (
    await db.runbookSection.findMany({
      where: { removedAt: null, onDemand: true, runbook: { source: `template:${template}` } },
      select: { id: true, title: true },
    })
  ).find((s) => titles.test(normaliseText(s.title)));
  if (!again) throw new ApiError(404, "not_found", `The built-in template has no procedure matching ${titles.source}.`);
  return again;
}
