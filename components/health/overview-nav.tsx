// The Health overview's navigation: counts by state as filter links, the active filter, a pager and
// the collapsed service groups (one row each, with its counts; its link opens the group's targets).
import Link from "next/link";
import { overviewSearch, type GroupSummary, type OverviewFilter } from "@/lib/health/views/overview-plan";
import type { HealthOverviewView } from "@/lib/health/views/overview-view";
import type { TargetStatus } from "@/lib/health/views/queries";
import { StatusBadge } from "./status-badge";

export const COUNT_ORDER: TargetStatus[] = ["critical", "warning", "pending", "ok", "disabled"];
const link = "text-sky-700 underline dark:text-sky-400";
const muted = "text-neutral-600 dark:text-neutral-400";

export const overviewHref = (f: Partial<OverviewFilter>) => {
  const search = overviewSearch(f);
  return search ? `/health?${search}` : "/health";
};

/** Summary counts on top; each state a link that lists its targets. */
export function StateCounts({ data }: { data: HealthOverviewView }) {
  const size = data.filter.size;
  return (
    <ul aria-label="Targets by state" className="flex flex-wrap gap-3 text-sm">
      {COUNT_ORDER.map((status) => (
        <li key={status}>
          <Link
            href={overviewHref({ state: status, size })}
            aria-current={data.filter.state === status && !data.filter.group ? "page" : undefined}
            className="flex items-center gap-1.5 rounded px-1 hover:bg-neutral-100 aria-[current=page]:ring-2 aria-[current=page]:ring-sky-600 dark:hover:bg-neutral-800"
          >
            <StatusBadge status={status} /> <span data-testid={`count-${status}`}>{data.counts[status]}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** What is listed and how to get back to the whole overview. */
export function FilterNote({ data }: { data: HealthOverviewView }) {
  const { state, group, size } = data.filter;
  if (data.mode !== "list") return null;
  const what = [state && (state === "problems" ? "critical or warning" : state), group && `in service group “${group}”`]
    .filter(Boolean)
    .join(" ");
  return (
    <p className="text-sm" data-testid="overview-filter">
      {data.matched} target{data.matched === 1 ? "" : "s"} {what} ·{" "}
      <Link href={overviewHref({ size })} className={link}>
        Show all groups
      </Link>
    </p>
  );
}

/** Previous / next page, kept in the URL. */
export function Pager({ data }: { data: HealthOverviewView }) {
  if (data.pages <= 1) return null;
  const base = {
    state: data.filter.state ?? (data.mode === "summary" ? ("problems" as const) : undefined),
    group: data.filter.group ?? undefined,
    size: data.filter.size,
  };
  const from = (data.page - 1) * data.filter.size + 1;
  const to = Math.min(data.page * data.filter.size, data.matched);
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center gap-3 text-sm">
      <span data-testid="overview-page">
        {from}–{to} of {data.matched} · page {data.page} of {data.pages}
      </span>
      {data.page > 1 && (
        <Link href={overviewHref({ ...base, page: data.page - 1 })} className={link} rel="prev">
          Previous page
        </Link>
      )}
      {data.page < data.pages && (
        <Link href={overviewHref({ ...base, page: data.page + 1 })} className={link} rel="next">
          Next page
        </Link>
      )}
    </nav>
  );
}

/** Every service group as one collapsed row: its counts by state and a link to its targets. */
export function GroupList({ groups, size }: { groups: GroupSummary[]; size: number }) {
  return (
    <section aria-labelledby="all-groups">
      <h2 id="all-groups" className="mb-2 text-base font-semibold">
        Service groups ({groups.length})
      </h2>
      <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-white shadow-sm dark:divide-neutral-800 dark:border-neutral-800 dark:bg-neutral-900">
        {groups.map((g) => (
          <li
            key={g.name}
            data-testid={`group-${g.name}`}
            className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:px-5"
          >
            <Link
              href={overviewHref({ group: g.name, size })}
              className="font-medium text-sky-800 hover:underline dark:text-sky-300"
            >
              <span aria-hidden="true" className="mr-2 text-xs">
                ▶
              </span>
              {g.name}
              <span className="sr-only">: show its {g.total} targets</span>
            </Link>
            <span className={`text-sm ${muted}`}>
              {g.total} target{g.total === 1 ? "" : "s"}
            </span>
            <span className="flex flex-wrap gap-2 text-xs">
              {COUNT_ORDER.filter((s) => g.counts[s] > 0).map((s) => (
                <span key={s} className="flex items-center gap-1">
                  <StatusBadge status={s} /> {g.counts[s]}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
