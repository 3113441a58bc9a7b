// Priority, type and status from an item's labels, and the priority history from label events.
import { PRIORITIES, type Priority, type TriageConfig, TYPES, type ItemType } from "../schemas";

const norm = (s: string) => s.trim().toLowerCase();

/** The highest priority any label maps to (P0 beats P3); null when none does: untriaged. */
export function resolvePriority(labels: readonly string[], config: TriageConfig): Priority | null {
  const names = new Set(labels.map(norm));
  return PRIORITIES.find((p) => config.priorityLabels[p].some((l) => names.has(norm(l)))) ?? null;
}

export function priorityOfLabel(label: string, config: TriageConfig): Priority | null {
  return resolvePriority([label], config);
}

/** The first type (in bug, enhancement, question, documentation order) any label maps to. */
export function resolveType(labels: readonly string[], config: TriageConfig): ItemType | null {
  const names = new Set(labels.map(norm));
  return TYPES.find((t) => config.typeLabels[t].some((l) => names.has(norm(l)))) ?? null;
}

/** Status labels (`status-*`), lower-cased, sorted. */
export function resolveStatuses(labels: readonly string[], config: TriageConfig): string[] {
  const prefix = norm(config.statusPrefix);
  return labels
    .map(norm)
    .filter((l) => l.startsWith(prefix))
    .sort();
}

export type LabelEvent = { kind: "labeled" | "unlabeled"; label: string; at: Date };

export type PriorityHistory = {
  /** When a priority label was first applied: stops the triage clock. */
  firstPriorityAt: Date | null;
  /** Changes of the effective priority (null → P2 → P1 counts 2; adding a lower label while P1 holds counts 0). */
  changes: number;
  /** Label events on priority labels (added or removed), the raw churn. */
  priorityLabelEvents: number;
};

/** Replays labeled/unlabeled events in time order (ties keep input order). */
export function priorityHistory(events: readonly LabelEvent[], config: TriageConfig): PriorityHistory {
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const current = new Set<string>();
  let effective: Priority | null = null;
  let firstPriorityAt: Date | null = null;
  let changes = 0;
  let priorityLabelEvents = 0;
  for (const event of sorted) {
    const name = norm(event.label);
    if (event.kind === "labeled") current.add(name);
    else current.delete(name);
    if (priorityOfLabel(name, config) === null) continue;
    priorityLabelEvents++;
    if (event.kind === "labeled" && firstPriorityAt === null) firstPriorityAt = event.at;
    const next = resolvePriority([...current], config);
    if (next !== effective) changes++;
    effective = next;
  }
  return { firstPriorityAt, changes, priorityLabelEvents };
}
