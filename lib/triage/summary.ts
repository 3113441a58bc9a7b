// The SLA summary per repository and priority (pure, over evaluated rows).
import type { TriageRow } from "./rules/evaluate";
import { PRIORITIES, type Priority } from "./schemas";

export type SummaryPriority = Priority | "untriaged";
export type SummaryRow = {
  repo: string;
  priority: SummaryPriority;
  /** Items created in the window. */
  items: number;
  /** Of those, items whose clock has stopped or run out (responded, responded late, or breached). */
  decided: number;
  respondedWithinTarget: number;
  /** respondedWithinTarget / decided, null when nothing is decided yet. */
  shareWithinTarget: number | null;
  /** Median clock seconds from creation to the first response (triage: to the first priority label). */
  medianResponseSeconds: number | null;
  /** Open items (whenever created) breached now. */
  breachedNow: number;
};

export const SUMMARY_DEFINITIONS = {
  shareWithinTarget:
    "Of the items created in the window whose clock has stopped or run out, the share answered within target. An item still inside its target is not counted yet.",
  medianResponseSeconds:
    "Median time from creation to the first response (untriaged: to the first priority label), on the clock shown.",
  breachedNow: "Open items, whenever created, with no response and past their target now.",
  firstResponse:
    "The earliest comment (on pull requests also a submitted review) by someone other than the author who is not a bot, a deleted account or on the ignore list. An item closed before any response stops its clock at closing.",
} as const;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : Math.round(((s[mid - 1] as number) + (s[mid] as number)) / 2);
}

export function summarize(
  windowRows: readonly TriageRow[],
  openRows: readonly TriageRow[],
  repoKeys: readonly string[],
): SummaryRow[] {
  const out: SummaryRow[] = [];
  for (const repo of repoKeys) {
    for (const priority of [...PRIORITIES, "untriaged"] as const) {
      const match = (r: TriageRow) => r.repoKey === repo && (r.priority ?? "untriaged") === priority;
      const rows = windowRows.filter(match);
      const decided = rows.filter((r) => r.state !== "within" && r.state !== "due_soon");
      const within = decided.filter((r) => r.state === "responded").length;
      const times = rows.map((r) => r.responseSeconds).filter((s): s is number => s !== null);
      out.push({
        repo,
        priority,
        items: rows.length,
        decided: decided.length,
        respondedWithinTarget: within,
        shareWithinTarget: decided.length ? within / decided.length : null,
        medianResponseSeconds: median(times),
        breachedNow: openRows.filter((r) => match(r) && r.state === "breached").length,
      });
    }
  }
  return out;
}
