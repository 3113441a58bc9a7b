// Which targets the Health overview shows as cards, so the server never renders a thousand at once.
// Three modes: "all" (a small install: every group open, as before), "summary" (more targets than one
// page: the targets with problems first as cards, then every service group as one collapsed row with
// its counts by state), "list" (a state or group filter from the URL: the matching targets, paged).
import { z } from "zod";
import type { TargetStatus } from "./queries";

/** Problems first; a target not checked yet before healthy ones; disabled last. */
export const STATUS_RANK: Record<TargetStatus, number> = { critical: 0, warning: 1, pending: 2, ok: 3, disabled: 4 };
export const OVERVIEW_STATES = ["problems", "critical", "warning", "pending", "ok", "disabled"] as const;
export type OverviewState = (typeof OVERVIEW_STATES)[number];
export const OVERVIEW_PAGE_SIZE = 50;

/** The overview's filters, from the page's URL or the live-refresh API's query string. */
export const OverviewParams = z.object({
  state: z.enum(OVERVIEW_STATES).optional(),
  group: z.string().trim().min(1).max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** Cards per page (and the size up to which every group is shown open). */
  size: z.coerce.number().int().min(1).max(200).default(OVERVIEW_PAGE_SIZE),
});
export type OverviewFilter = z.infer<typeof OverviewParams>;
export const DEFAULT_OVERVIEW_FILTER: OverviewFilter = { page: 1, size: OVERVIEW_PAGE_SIZE };

/** The query string of a filter (defaults left out), for links and the live-refresh API. */
export function overviewSearch(f: Partial<OverviewFilter>): string {
  const p = new URLSearchParams();
  if (f.state) p.set("state", f.state);
  if (f.group) p.set("group", f.group);
  if (f.page && f.page > 1) p.set("page", String(f.page));
  if (f.size && f.size !== OVERVIEW_PAGE_SIZE) p.set("size", String(f.size));
  return p.toString();
}

export type PlanTarget = { id: string; name: string; serviceGroup: string; status: TargetStatus };
export type StateCounts = Record<TargetStatus, number>;
export type GroupSummary = { name: string; status: TargetStatus; total: number; counts: StateCounts };
export type OverviewPlan = {
  mode: "all" | "summary" | "list";
  /** The targets shown as cards, in display order (grouped by service group, problems first). */
  shown: PlanTarget[];
  /** How many targets match the filter (summary mode: how many have problems). */
  matched: number;
  page: number;
  pages: number;
  /** Every service group with its counts, worst first. */
  groups: GroupSummary[];
};

export const emptyCounts = (): StateCounts => ({ critical: 0, warning: 0, pending: 0, ok: 0, disabled: 0 });
const isProblem = (s: TargetStatus) => s === "critical" || s === "warning";
const matchesState = (state: OverviewState | undefined, s: TargetStatus) =>
  state === undefined || (state === "problems" ? isProblem(s) : s === state);
const byRankThenName = (a: { status: TargetStatus; name: string }, b: { status: TargetStatus; name: string }) =>
  STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.name.localeCompare(b.name);

export function summarizeGroups(targets: PlanTarget[]): GroupSummary[] {
  const groups = new Map<string, GroupSummary>();
  for (const t of targets) {
    let g = groups.get(t.serviceGroup);
    if (!g)
      groups.set(t.serviceGroup, (g = { name: t.serviceGroup, status: t.status, total: 0, counts: emptyCounts() }));
    g.total += 1;
    g.counts[t.status] += 1;
    if (STATUS_RANK[t.status] < STATUS_RANK[g.status]) g.status = t.status;
  }
  return [...groups.values()].sort(byRankThenName);
}

/**
 * Orders targets as the cards are drawn: by their group's rank (worst group first, then name), then
 * problems first inside the group, then name; so a page's cards fall into contiguous group sections.
 */
function displayOrder(targets: PlanTarget[], groups: GroupSummary[]): PlanTarget[] {
  const groupRank = new Map(groups.map((g, i) => [g.name, i]));
  return [...targets].sort(
    (a, b) => groupRank.get(a.serviceGroup)! - groupRank.get(b.serviceGroup)! || byRankThenName(a, b),
  );
}

export function planOverview(targets: PlanTarget[], filter: OverviewFilter): OverviewPlan {
  const groups = summarizeGroups(targets);
  const size = filter.size;
  const filtered = filter.state !== undefined || filter.group !== undefined;
  if (!filtered && targets.length <= size)
    return { mode: "all", shown: displayOrder(targets, groups), matched: targets.length, page: 1, pages: 1, groups };
  const matching = filtered
    ? targets.filter((t) => matchesState(filter.state, t.status) && (!filter.group || t.serviceGroup === filter.group))
    : targets.filter((t) => isProblem(t.status));
  const ordered = displayOrder(matching, groups);
  const pages = Math.max(1, Math.ceil(ordered.length / size));
  const page = Math.min(filter.page, pages);
  return {
    mode: filtered ? "list" : "summary",
    shown: ordered.slice((page - 1) * size, page * size),
    matched: ordered.length,
    page,
    pages,
    groups,
  };
}
