// Plain text of mdast nodes, and the normalised form used in item keys.
import type { Nodes } from "mdast";

export function plainText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string" && node.type !== "code" && node.type !== "html")
    return node.value;
  if (node.type === "break") return " ";
  if ("children" in node) return (node.children as Nodes[]).map(plainText).join("");
  return "";
}

/** Lower case, letters and digits only, single spaces: "Review CI/CD status!" → "review ci cd status". */
export function normaliseText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function itemKey(path: string[], text: string): string {
  return [...path, text].map(normaliseText).join(" / ");
}

/** "Procedure:" / "**Success Criteria**:" → "procedure" / "success criteria"; null if not a label line. */
export function labelOf(text: string): { label: string; rest: string } | null {
  const colon = text.indexOf(":");
  if (colon <= 0 || colon > 40) return null;
  return { label: normaliseText(text.slice(0, colon)), rest: text.slice(colon + 1).trim() };
}
