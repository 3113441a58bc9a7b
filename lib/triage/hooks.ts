"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";
import { triageKeys, triagePaths } from "./query-keys";
import type { ActionReport } from "./actions/run";
import type { TriageActionRequest, TriageFilters } from "./schemas";
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
  return useQuery({
    queryKey: triageKeys.summary(days),
    queryFn: () => apiFetch<TriageSummaryView>(triagePaths.summary(days)),
    refetchInterval: TRIAGE_REFRESH_MS * 4,
  });
}

/** Previews (confirm: false) or sends a triage action; afterwards every triage view refetches. */
export function useTriageActionMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TriageActionRequest) => apiFetch<ActionReport>("/api/triage/actions", { method: "POST", body }),
    onSuccess: async (report) => {
      if (report.confirmed) await client.invalidateQueries({ queryKey: triageKeys.all });
    },
  });
}
