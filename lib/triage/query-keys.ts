// TanStack Query keys and API paths of the Triage page, shared by the server prefetch and the client hooks.
import type { TriageFilters } from "./schemas";

export function filterSearch(filters: Partial<TriageFilters>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, String(v));
  return params.toString();
}

export const triageKeys = {
  all: ["triage"] as const,
  queue: (filters: TriageFilters) => [...triageKeys.all, "queue", filterSearch(filters)] as const,
  summary: (days: number) => [...triageKeys.all, "summary", days] as const,
};

export const triagePaths = {
  queue: (filters: TriageFilters) => `/api/triage/queue?${filterSearch(filters)}`,
  summary: (days: number) => `/api/triage/summary?days=${days}`,
};
