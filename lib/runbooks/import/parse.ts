// Markdown → sections, items, commands and guidance, walking the mdast tree from remark-parse + remark-gfm.
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import type { Code, List, ListItem, Nodes, Root, RootContent } from "mdast";
import { hasCadence, parseCadence, type Cadence } from "./cadence";
import { itemKey, labelOf, plainText } from "./text";
import { suggestCheck } from "./suggest";
import type { ImportedCommand, ImportedItem, ItemKind } from "./types";

export type DraftSection = {
  title: string;
  depth: number;
  path: string[];
  parent: DraftSection | null;
  headingCadence: Cadence | null;
  lineCadence: Cadence | null;
  lineText: string | null;
  items: ImportedItem[];
  commands: ImportedCommand[];
  guidance: string[];
};

const STEP_LABELS = new Set(["procedure", "steps", "process"]);
const CRITERIA_LABELS = new Set(["success criteria", "acceptance criteria", "criteria", "done when"]);
const CADENCE_LABELS: Record<string, "time" | "when"> = {
  time: "time",
  schedule: "time",
  frequency: "time",
  cadence: "time",
  when: "when",
};
const PROCEDURE_HEADING = /\b(procedures?|process|response|steps)\b/i;
const NUMBERED_HEADING = /^\s*(\d+)[.)]\s+(.+)$/;
const NUMBERED_COMMENT = /^\s*(?:#|\/\/|--)\s*(\d+)[.)]\s+(.+?)\s*$/;

export function parseMarkdown(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown);
}

export function collectSections(markdown: string): { title: string | null; sections: DraftSection[] } {
  const root = parseMarkdown(markdown);
  const sections: DraftSection[] = [];
  const stack: DraftSection[] = [];
  let title: string | null = null;
  let current: DraftSection | null = null;
  let label: string | null = null;
  const source = (node: RootContent) =>
    markdown.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);

  const open = (heading: string, depth: number): DraftSection => {
    while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= depth) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    const section: DraftSection = {
      title: heading,
      depth,
      parent,
      path: [...(parent?.path ?? []), heading],
      headingCadence: parseCadence(heading, "heading"),
      lineCadence: null,
      lineText: null,
      items: [],
      commands: [],
      guidance: [],
    };
    stack.push(section);
    sections.push(section);
    return section;
  };

  for (const node of root.children) {
    if (node.type === "heading") {
      const text = plainText(node).trim();
      label = null;
      if (node.depth === 1 && title === null) {
        title = text;
        continue;
      }
      const numbered = text.match(NUMBERED_HEADING);
      if (numbered && current && current.depth < node.depth && isScheduled(current)) {
        addItem(current, (numbered[2] ?? "").trim(), "step", false, null); // "#### 1. Dependency Review" is a step of its parent
        current.guidance.push(source(node));
        continue;
      }
      current = open(text, node.depth);
      continue;
    }
    if (!current) {
      current = open(title ?? "Checklist", 1);
      stack.pop(); // the preamble under the title is a section of its own, not the parent of what follows
    }
    if (node.type === "paragraph") {
      const found = labelOf(plainText(node).trim());
      label = found?.label ?? null;
      const kind = found ? CADENCE_LABELS[found.label] : undefined;
      if (found && kind && found.rest && current.lineCadence === null) {
        current.lineCadence = parseCadence(found.rest, kind);
        current.lineText = found.rest;
      }
      current.guidance.push(source(node));
      continue;
    }
    if (node.type === "list") {
      if (!addList(current, node, label)) current.guidance.push(source(node));
      label = null;
      continue;
    }
    if (node.type === "code") {
      addCommand(current, node);
      continue;
    }
    if (node.type !== "thematicBreak" && node.type !== "definition") current.guidance.push(source(node));
  }
  return { title, sections };
}

/** Whether the section or one of its parents names a cadence (then numbered sub-headings are its steps). */
function isScheduled(section: DraftSection): boolean {
  for (let s: DraftSection | null = section; s; s = s.parent) {
    if ((s.lineCadence && hasCadence(s.lineCadence)) || (s.headingCadence && hasCadence(s.headingCadence))) return true;
  }
  return false;
}

function hasTaskItems(list: List): boolean {
  return list.children.some(
    (item) => typeof item.checked === "boolean" || item.children.some((c) => c.type === "list" && hasTaskItems(c)),
  );
}

/** Adds the list's items to the section when it is a checklist, procedure or criteria list; false = guidance. */
function addList(section: DraftSection, list: List, label: string | null): boolean {
  let kind: ItemKind | null = null;
  if (hasTaskItems(list)) kind = "task";
  else if (list.ordered && ((label && STEP_LABELS.has(label)) || PROCEDURE_HEADING.test(section.title))) kind = "step";
  else if (!list.ordered && label && CRITERIA_LABELS.has(label)) kind = "criterion";
  if (!kind) return false;
  addListItems(section, list, kind, null);
  return true;
}

function addListItems(section: DraftSection, list: List, kind: ItemKind, parent: ImportedItem | null): void {
  for (const listItem of list.children) {
    const text = itemText(listItem);
    const item = text ? addItem(section, text, kind, listItem.checked === true, parent) : parent;
    for (const child of listItem.children) if (child.type === "list") addListItems(section, child, kind, item);
  }
}

function itemText(listItem: ListItem): string {
  const own = listItem.children
    .filter((c) => c.type !== "list")
    .map((c) => plainText(c as Nodes))
    .join(" ");
  return own.replace(/\s+/g, " ").trim().replace(/:$/, "").trim();
}

function addItem(
  section: DraftSection,
  text: string,
  kind: ItemKind,
  checked: boolean,
  parent: ImportedItem | null,
): ImportedItem {
  const base = itemKey(parent ? [...section.path, parent.text] : section.path, text);
  let key = base;
  for (let n = 2; section.items.some((i) => i.key === key); n++) key = `${base} #${n}`;
  const item: ImportedItem = {
    key,
    text,
    kind,
    checked,
    suggestedCheck: suggestCheck(text),
    parentKey: parent?.key ?? null,
  };
  section.items.push(item);
  return item;
}

/** A fenced block is a command; its numbered comments ("# 4. Run full test suite") are the procedure's steps. */
function addCommand(section: DraftSection, node: Code): void {
  section.commands.push({ lang: node.lang ?? null, code: node.value });
  for (const line of node.value.split("\n")) {
    const step = line.match(NUMBERED_COMMENT);
    if (step?.[2]) addItem(section, step[2].replace(/:$/, "").trim(), "step", false, null);
  }
}
