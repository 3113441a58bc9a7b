import type { RunView } from "./types";

/**
 * Overdue runs of one checklist together (in the order the oldest of each fell due), newest first:
 * a checklist every 8 hours left for two days is one card and a folded line for the older runs, not
 * six full cards above what is due today. Procedure runs of different releases stay apart (label).
 */
export function groupBySection(runs: RunView[]): RunView[][] {
  const groups = new Map<string, RunView[]>();
  for (const run of runs) {
    const key = `${run.sectionId}\u0000${run.label ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups.values()].map((group) => group.sort((a, b) => b.dueAt.localeCompare(a.dueAt)));
}
