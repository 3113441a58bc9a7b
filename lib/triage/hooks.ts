"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";
import { triageKeys, triagePaths } from "./query-keys";
import type { TriageFilters } from "./schemas";
import type { TriageQueueView, TriageSummaryView } from "./view";

/** The queue refreshes itself, so syncs and webhooks show up without a reload. */
export const TRIAGE_REFRESH_MS = 30_000;

export function useTriageQueueQuery(filters: TriageFilters) {
  return useQuery({
    queryKey: triageKeys.queue(filters),
    queryFn: () => apiFetch<TriageQueueView>(triagePaths.queue(filters)),
    refetchInterval: TRIAGE_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export function useTriageSummaryQuery(days: number) {
  return useQuery({ queryKey: triageKeys.summary(days), queryFn: () => apiFetch<TriageSummaryView>(triagePaths.summary(days)), refetchInterval: TRIAGE_REFRESH_MS * 4 });
}
