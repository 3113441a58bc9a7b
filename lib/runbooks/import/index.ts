// importRunbookText: markdown → the preview of what an import creates (sections with cadence, items, commands).
import { ApiError } from "@/lib/errors";
import { NO_CADENCE, hasCadence } from "./cadence";
import { cleanMarkdownText, decodeMarkdownBytes } from "./decode";
import { collectSections, type DraftSection } from "./parse";
import type { ImportPreview, ImportedSection } from "./types";

export type { ImportPreview, ImportedSection, ImportedItem, ItemKind, ImportedCommand } from "./types";
export type { Cadence } from "./cadence";

function resolveCadence(section: DraftSection): ImportedSection["cadence"] {
  const own = section.lineCadence && hasCadence(section.lineCadence) ? section.lineCadence : section.headingCadence;
  if (own && hasCadence(own)) return { ...own, inherited: false };
  for (let p = section.parent; p; p = p.parent) {
    const theirs = p.lineCadence && hasCadence(p.lineCadence) ? p.lineCadence : p.headingCadence;
    if (theirs && hasCadence(theirs)) return { ...theirs, inherited: true };
  }
  return { ...NO_CADENCE, text: section.lineText, inherited: false };
}

export function previewMarkdown(markdown: string, name?: string | null): ImportPreview {
  const clean = cleanMarkdownText(markdown);
  const { title, sections } = collectSections(clean.text);
  const warnings = [...clean.warnings];
  const out: ImportedSection[] = [];
  for (const draft of sections) {
    if (draft.items.length === 0) continue;
    const cadence = resolveCadence(draft);
    if (!hasCadence(cadence)) {
      const said = draft.lineText ? ` ("${draft.lineText}")` : "";
      warnings.push(
        `"${draft.path.join(" › ")}": no cadence recognised${said}; it stays unscheduled until you set one.`,
      );
    }
    out.push({
      title: draft.title,
      path: draft.path,
      cadence,
      items: draft.items,
      commands: draft.commands,
      guidance: draft.guidance.join("\n\n"),
    });
  }
  if (out.length === 0) {
    throw new ApiError(
      400,
      "bad_request",
      "No checklist items found: the markdown has no task list (- [ ]), numbered Procedure steps or Success Criteria.",
    );
  }
  return { title: name?.trim() || title || "Untitled runbook", sections: out, warnings };
}

export function previewMarkdownBytes(bytes: Uint8Array, name?: string | null): ImportPreview {
  return previewMarkdown(decodeMarkdownBytes(bytes).text, name);
}
