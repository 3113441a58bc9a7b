// TanStack Query keys and API paths of the health pages, shared by server prefetches and client hooks.
import type { SeriesWindow } from "./schemas";
import { overviewSearch, type OverviewFilter } from "./views/overview-plan";

/** The URL search string of a chart window (`range=7d` or `from=…&to=…`), for links and the series API. */
export function windowSearch(window: SeriesWindow): string {
  const params: Record<string, string> =
    "range" in window ? { range: window.range } : { from: window.from.toISOString(), to: window.to.toISOString() };
  return new URLSearchParams(params).toString();
}

export const healthKeys = {
  all: ["health"] as const,
  overview: (filter: Partial<OverviewFilter> = {}) => [...healthKeys.all, "overview", overviewSearch(filter)] as const,
  target: (id: string) => [...healthKeys.all, "target", id] as const,
  series: (id: string, window: SeriesWindow) => [...healthKeys.target(id), "series", windowSearch(window)] as const,
};

export const healthPaths = {
  overview: (filter: Partial<OverviewFilter> = {}) => {
    const search = overviewSearch(filter);
    return search ? `/api/health-targets?${search}` : "/api/health-targets";
  },
  target: (id: string) => `/api/health-targets/${id}`,
  series: (id: string, window: SeriesWindow) => `/api/health-targets/${id}/series?${windowSearch(window)}`,
};
