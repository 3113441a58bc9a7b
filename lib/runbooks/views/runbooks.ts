// Runbooks with their sections, cadences and items (the Runbooks page and GET /api/v1/runbooks).
import "server-only";
import { db } from "@/lib/db";
import { cadenceInWords } from "@/lib/runbooks/cadence-words";
import { renderGuidance } from "@/lib/runbooks/render";
import type { RunbookView } from "./types";

export async function listRunbookViews(): Promise<RunbookView[]> {
  const rows = await db.runbook.findMany({
    orderBy: { createdAt: "asc" },
    include: {
      sections: {
        orderBy: [{ removedAt: { sort: "asc", nulls: "first" } }, { position: "asc" }],
        include: { items: { orderBy: { position: "asc" } } },
      },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    source: r.source,
    active: r.active,
    importedAt: r.importedAt.toISOString(),
    sections: r.sections.map((s) => ({
      id: s.id,
      title: s.title,
      path: s.path as string[],
      rrule: s.rrule,
      onDemand: s.onDemand,
      businessHoursOnly: s.businessHoursOnly,
      cadenceText: s.cadenceText,
      cadence: cadenceInWords(s),
      dueTime: s.dueTime,
      edited: s.editedFields,
      removed: s.removedAt !== null,
      guidanceHtml: renderGuidance(s.guidance),
      commands: s.commands as Array<{ lang: string | null; code: string }>,
      items: s.items.map((i) => ({
        id: i.id,
        text: i.text,
        kind: i.kind,
        nested: i.parentKey !== null,
        checkId: i.checkId,
        removed: i.removedAt !== null,
      })),
    })),
  }));
}
