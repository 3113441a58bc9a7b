// What the Triage page shows: the queue as JSON-safe rows (ISO dates), with counts and filter options.
import "server-only";
import { getEnv } from "@/lib/env";
import type { ClockKind } from "./rules/clock";
import type { TriageRow } from "./rules/evaluate";
import { getTriageQueue, getTriageSummary } from "./queries";
import type { TriageFilters } from "./schemas";
import type { SummaryRow } from "./summary";
import type { TabCounts } from "./views";

export type TriageItemView = Omit<
  TriageRow,
  "url" | "createdAt" | "firstResponseAt" | "firstPriorityAt" | "dueAt" | "lastHumanActivityAt" | "reviewWaitingSince"
> & {
  /** Null in the demo: its generated items must not link to the real github.com. */
  url: string | null;
  createdAt: string;
  firstResponseAt: string | null;
  firstPriorityAt: string | null;
  dueAt: string;
  lastHumanActivityAt: string;
  reviewWaitingSince: string | null;
};

export type TriageQueueView = {
  generatedAt: string;
  clock: ClockKind;
  counts: TabCounts;
  /** Items in the tab (the list is cut at `limit`). */
  total: number;
  limit: number;
  repos: Array<{ id: string; key: string; owner: string; name: string }>;
  assignees: string[];
  items: TriageItemView[];
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toItemView(r: TriageRow, linkToGithub = !getEnv().STEWARD_DEMO): TriageItemView {
  return {
    ...r,
    url: linkToGithub ? r.url : null,
    createdAt: r.createdAt.toISOString(),
    firstResponseAt: iso(r.firstResponseAt),
    firstPriorityAt: iso(r.firstPriorityAt),
    dueAt: r.dueAt.toISOString(),
    lastHumanActivityAt: r.lastHumanActivityAt.toISOString(),
    reviewWaitingSince: iso(r.reviewWaitingSince),
  };
}

export async function getTriageQueueView(
  filters: TriageFilters,
  now = new Date(),
  limit = 100, // a longer first screen only cost hydration time (Lighthouse TBT); filters narrow the rest
): Promise<TriageQueueView> {
  const q = await getTriageQueue({ now }, filters, limit);
  return {
    generatedAt: now.toISOString(),
    clock: q.clock,
    counts: q.counts,
    total: q.total,
    limit,
    repos: q.repos,
    assignees: q.assignees,
    items: q.items.map((r) => toItemView(r)),
  };
}

export type TriageSummaryView = { days: number; clock: ClockKind; rows: SummaryRow[] };

export async function getTriageSummaryView(days: number, now = new Date()): Promise<TriageSummaryView> {
  const s = await getTriageSummary({ now, days });
  return { days: s.days, clock: s.clock, rows: s.rows.filter((r) => r.items > 0 || r.breachedNow > 0) };
}
