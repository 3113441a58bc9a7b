// Saves an import: upserts sections by path and items by key, so a re-import keeps every unchanged item's record.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/request";
import type { Role } from "@/lib/auth/roles";
import { previewMarkdown, type ImportPreview, type ImportedSection } from "@/lib/runbooks/import";
import { normaliseText } from "@/lib/runbooks/import/text";
import { validateRrule } from "@/lib/runbooks/recurrence/rule";
import { isCheckId } from "@/lib/runbooks/checks/ids";
import { readTemplate } from "@/lib/runbooks/templates";
import { createCurrentRuns } from "./config";
import type { ImportInput, SectionEdit, TemplateId } from "@/lib/runbooks/schemas";

import { EDITABLE_FIELDS, type EditableField, type ImportOutcome, type KeptEdit } from "./save-import-types";
export type { ImportOutcome };

type Editable = { rrule: string | null; onDemand: boolean; businessHoursOnly: boolean; dueTime?: string };
const show = (v: unknown) => (v === null || v === undefined ? "none" : String(v));

/**
 * The cadence fields a section gets on re-import: what this import's edits send, else what a person edited before
 * (kept, and listed when the markdown now says otherwise), else what the markdown says.
 */
export function mergeEdits(
  imported: Editable,
  sent: Partial<Record<EditableField, unknown>>,
  stored: (Editable & { editedFields: string[]; dueTime: string }) | undefined,
  title: string,
): { fields: Editable; editedFields: string[]; kept: KeptEdit[] } {
  const fields: Editable = { ...imported };
  const edited = new Set(stored?.editedFields ?? []);
  const kept: KeptEdit[] = [];
  for (const field of EDITABLE_FIELDS) {
    if (sent[field] !== undefined) {
      edited.add(field);
      continue;
    }
    if (!stored || !edited.has(field)) continue;
    const importedValue = field === "dueTime" ? (imported.dueTime ?? stored.dueTime) : imported[field];
    if (show(importedValue) !== show(stored[field]))
      kept.push({ section: title, field, yours: show(stored[field]), imported: show(importedValue) });
    (fields as Record<string, unknown>)[field] = stored[field];
  }
  return { fields, editedFields: [...edited], kept };
}

export const pathKeyOf = (path: string[]) => path.map(normaliseText).join(" / ");

function slugify(title: string): string {
  return normaliseText(title).replace(/ /g, "-").slice(0, 60) || "runbook";
}

export async function resolveMarkdown(input: {
  markdown?: string;
  template?: TemplateId;
}): Promise<{ markdown: string; source: string }> {
  if (input.template) return { markdown: await readTemplate(input.template), source: `template:${input.template}` };
  return { markdown: input.markdown ?? "", source: "markdown" };
}

/** The preview with the admin's edits applied (cadence per section path, check per item key); invalid edits are a 400. */
export function applyEdits(
  preview: ImportPreview,
  edits: { sections?: SectionEdit[]; checks?: Record<string, string | null> },
): ImportPreview {
  const byPath = new Map((edits.sections ?? []).map((e) => [pathKeyOf(e.path), e]));
  const sections = preview.sections.map((s): ImportedSection => {
    const edit = byPath.get(pathKeyOf(s.path));
    const cadence = { ...s.cadence };
    if (edit) {
      if (edit.rrule !== undefined) {
        const problem = edit.rrule ? validateRrule(edit.rrule) : null;
        if (problem)
          throw new ApiError(400, "validation_failed", problem, {
            [`sections.${s.path.join(" › ")}.rrule`]: [problem],
          });
        cadence.rrule = edit.rrule || null;
        cadence.inherited = false;
      }
      if (edit.onDemand !== undefined) cadence.onDemand = edit.onDemand;
      if (edit.businessHoursOnly !== undefined) cadence.businessHoursOnly = edit.businessHoursOnly;
    }
    const items = s.items.map((item) => {
      const check = edits.checks?.[item.key];
      if (check === undefined) return item;
      if (check !== null && !isCheckId(check))
        throw new ApiError(400, "validation_failed", `Unknown check "${check}".`, {
          [`checks.${item.key}`]: ["Unknown check."],
        });
      return { ...item, suggestedCheck: check };
    });
    return { ...s, cadence, items };
  });
  return { ...preview, sections };
}

export async function importRunbook(ctx: { actor: Actor; now?: Date }, input: ImportInput): Promise<ImportOutcome> {
  const now = ctx.now ?? new Date();
  const { markdown, source } = await resolveMarkdown(input);
  const preview = applyEdits(previewMarkdown(markdown, input.name), input);
  const dueTimes = new Map(
    (input.sections ?? []).filter((e) => e.dueTime).map((e) => [pathKeyOf(e.path), e.dueTime as string]),
  );
  const ownerRoles = new Map(
    (input.sections ?? []).filter((e) => e.ownerRole).map((e) => [pathKeyOf(e.path), e.ownerRole as Role]),
  );
  const slug = slugify(preview.title);
  const outcome = await db.$transaction(
    async (tx) => {
      const existing = input.runbookId
        ? await tx.runbook.findUnique({ where: { id: input.runbookId } })
        : await tx.runbook.findUnique({ where: { slug } });
      if (input.runbookId && !existing) throw new ApiError(404, "not_found", "No such runbook.");
      if (!input.runbookId && existing) {
        throw new ApiError(
          409,
          "conflict",
          `A runbook "${existing.title}" exists already; re-import it (runbookId) to keep its history.`,
        );
      }
      const activate = input.activate ?? existing?.active ?? false;
      const runbook = existing
        ? await tx.runbook.update({
            where: { id: existing.id },
            data: { title: preview.title, markdown, source, importedAt: now, active: activate },
          })
        : await tx.runbook.create({
            data: { slug, title: preview.title, markdown, source, importedAt: now, active: activate },
          });
      const stored = new Map(
        (
          await tx.runbookSection.findMany({
            where: { runbookId: runbook.id },
            select: {
              pathKey: true,
              rrule: true,
              onDemand: true,
              businessHoursOnly: true,
              dueTime: true,
              editedFields: true,
            },
          })
        ).map((s) => [s.pathKey, s]),
      );
      const sentEdits = new Map((input.sections ?? []).map((e) => [pathKeyOf(e.path), e]));
      const kept: KeptEdit[] = [];
      const keptSections: string[] = [];
      let items = 0;
      for (const [position, s] of preview.sections.entries()) {
        const pathKey = pathKeyOf(s.path);
        const merged = mergeEdits(
          {
            rrule: s.cadence.rrule,
            onDemand: s.cadence.onDemand,
            businessHoursOnly: s.cadence.businessHoursOnly,
            ...(dueTimes.has(pathKey) ? { dueTime: dueTimes.get(pathKey) } : {}),
          },
          sentEdits.get(pathKey) ?? {},
          stored.get(pathKey),
          s.path.join(" › "),
        );
        kept.push(...merged.kept);
        const fields = {
          path: s.path,
          title: s.title,
          position,
          ...merged.fields,
          editedFields: merged.editedFields,
          cadenceText: s.cadence.text,
          guidance: s.guidance,
          commands: s.commands,
          removedAt: null,
          ...(ownerRoles.has(pathKey) ? { ownerRole: ownerRoles.get(pathKey) } : {}),
        };
        const section = await tx.runbookSection.upsert({
          where: { runbookId_pathKey: { runbookId: runbook.id, pathKey } },
          create: { runbookId: runbook.id, pathKey, ...fields, scheduledFrom: activate ? now : null },
          update: fields,
        });
        keptSections.push(section.id);
        const keys: string[] = [];
        for (const [i, item] of s.items.entries()) {
          const data = {
            text: item.text,
            kind: item.kind,
            position: i,
            parentKey: item.parentKey,
            checkId: item.suggestedCheck,
            removedAt: null,
          };
          await tx.runbookItem.upsert({
            where: { sectionId_key: { sectionId: section.id, key: item.key } },
            create: { sectionId: section.id, key: item.key, ...data },
            update: data,
          });
          keys.push(item.key);
        }
        await tx.runbookItem.updateMany({
          where: { sectionId: section.id, key: { notIn: keys }, removedAt: null },
          data: { removedAt: now },
        });
        items += keys.length;
      }
      await tx.runbookSection.updateMany({
        where: { runbookId: runbook.id, id: { notIn: keptSections }, removedAt: null },
        data: { removedAt: now },
      });
      if (activate)
        await tx.runbookSection.updateMany({
          where: { runbookId: runbook.id, scheduledFrom: null },
          data: { scheduledFrom: now },
        });
      await recordAudit(
        {
          action: existing ? "runbook.reimported" : "runbook.imported",
          actorId: ctx.actor.id,
          ip: ctx.actor.ip,
          target: runbook.id,
          detail: { title: preview.title, source, sections: preview.sections.length, items, kept },
        },
        tx,
      );
      return {
        id: runbook.id,
        slug: runbook.slug,
        title: runbook.title,
        created: !existing,
        active: runbook.active,
        sections: preview.sections.length,
        items,
        warnings: preview.warnings,
        kept,
      };
    },
    { timeout: 30_000 },
  );
  if (outcome.active) await createCurrentRuns(outcome.id, now);
  return outcome;
}
