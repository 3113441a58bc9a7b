// Tabs, filters, ordering and counts over evaluated rows (pure: the page, the API and Today share it).
import type { TriageRow } from "./rules/evaluate";
import { TABS, type TriageFilters, type TriageTab } from "./schemas";

export function inTab(row: TriageRow, tab: TriageTab): boolean {
  switch (tab) {
    case "needs_triage":
      return row.priority === null;
    case "waiting":
      return (
        row.priority !== null && row.firstResponseAt === null && (row.state === "within" || row.state === "due_soon")
      );
    case "breached":
      return row.state === "breached";
    case "stale":
      return row.stale !== null;
    case "review":
      return row.reviewWaitingSince !== null;
    case "all":
      return true;
  }
}

export function matchesFilters(row: TriageRow, f: Omit<TriageFilters, "tab">): boolean {
  if (f.repo && row.repoKey !== f.repo.toLowerCase()) return false;
  if (f.priority && (f.priority === "untriaged" ? row.priority !== null : row.priority !== f.priority)) return false;
  if (f.type && row.type !== f.type) return false;
  if (f.assignee && !row.assignees.some((a) => a.toLowerCase() === f.assignee?.toLowerCase())) return false;
  if (f.state && row.state !== f.state) return false;
  return true;
}

/** Ties last: by creation, number, then id (byte order, as the stored queue's SQL orders them). */
function tieBreak(a: TriageRow, b: TriageRow): number {
  return (
    a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Running clocks by time left (most overdue first), then stopped ones; the review and stale tabs by waiting time. */
export function compareRows(tab: TriageTab): (a: TriageRow, b: TriageRow) => number {
  if (tab === "review")
    return (a, b) => (a.reviewWaitingSince?.getTime() ?? 0) - (b.reviewWaitingSince?.getTime() ?? 0) || tieBreak(a, b);
  if (tab === "stale")
    return (a, b) => a.lastHumanActivityAt.getTime() - b.lastHumanActivityAt.getTime() || tieBreak(a, b);
  return (a, b) => {
    if (a.secondsLeft !== null && b.secondsLeft !== null) return a.secondsLeft - b.secondsLeft || tieBreak(a, b);
    if (a.secondsLeft !== null) return -1;
    if (b.secondsLeft !== null) return 1;
    return tieBreak(a, b);
  };
}

export type TabCounts = Record<TriageTab, number>;

export function countTabs(rows: readonly TriageRow[]): TabCounts {
  const counts = Object.fromEntries(TABS.map((t) => [t, 0])) as TabCounts;
  for (const row of rows) for (const tab of TABS) if (inTab(row, tab)) counts[tab]++;
  return counts;
}

export function selectQueue(
  rows: readonly TriageRow[],
  filters: TriageFilters,
): { items: TriageRow[]; counts: TabCounts } {
  const filtered = rows.filter((r) => matchesFilters(r, filters));
  return {
    items: filtered.filter((r) => inTab(r, filters.tab)).sort(compareRows(filters.tab)),
    counts: countTabs(filtered),
  };
}

/** What Today shows: P0 breached, untriaged past the triage target, stale, and the tab totals. */
export type TriageCounts = {
  p0Breached: number;
  untriagedOverdue: number;
  stale: number;
  waiting: number;
  breached: number;
  reviewQueue: number;
};

export function summarizeCounts(rows: readonly TriageRow[]): TriageCounts {
  const out: TriageCounts = { p0Breached: 0, untriagedOverdue: 0, stale: 0, waiting: 0, breached: 0, reviewQueue: 0 };
  for (const r of rows) {
    if (r.priority === "P0" && r.state === "breached") out.p0Breached++;
    if (r.priority === null && r.clock === "triage" && r.state === "breached") out.untriagedOverdue++;
    if (inTab(r, "stale")) out.stale++;
    if (inTab(r, "waiting")) out.waiting++;
    if (inTab(r, "breached")) out.breached++;
    if (inTab(r, "review")) out.reviewQueue++;
  }
  return out;
}
