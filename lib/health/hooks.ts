"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/http/client";
import type { TargetDetailView } from "./views/detail-view";
import type { HealthOverviewView } from "./views/overview-view";
import type { OverviewFilter } from "./views/overview-plan";
import { healthKeys, healthPaths } from "./query-keys";
import type { SeriesWindow } from "./schemas";
import type { TargetSeriesView } from "./views/series-view";

/** How often open health pages refresh themselves. */
export const LIVE_REFRESH_MS = 15_000;

export function useHealthOverviewQuery(filter: Partial<OverviewFilter>) {
  return useQuery({
    queryKey: healthKeys.overview(filter),
    queryFn: () => apiFetch<HealthOverviewView>(healthPaths.overview(filter)),
    refetchInterval: LIVE_REFRESH_MS,
  });
}

export function useTargetDetailQuery(id: string) {
  return useQuery({
    queryKey: healthKeys.target(id),
    queryFn: () => apiFetch<TargetDetailView>(healthPaths.target(id)),
    refetchInterval: LIVE_REFRESH_MS,
  });
}

/** A range ending now refreshes live; a custom from/to is fixed, so it does not. */
export function useTargetSeriesQuery(id: string, window: SeriesWindow) {
  return useQuery({
    queryKey: healthKeys.series(id, window),
    queryFn: () => apiFetch<TargetSeriesView>(healthPaths.series(id, window)),
    refetchInterval: "range" in window ? LIVE_REFRESH_MS : false,
    placeholderData: keepPreviousData,
  });
}

type TargetResponse = { target: { id: string } };

/** Create (no id) or change (id) a target; afterwards the health pages are refetched and the target's page opens. */
export function useSaveTargetMutation(id?: string) {
  const router = useRouter();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      id === undefined
        ? apiFetch<TargetResponse>("/api/admin/health-targets", { method: "POST", body })
        : apiFetch<TargetResponse>(`/api/admin/health-targets/${id}`, { method: "PATCH", body }),
    onSuccess: async ({ target }) => {
      await client.invalidateQueries({ queryKey: healthKeys.all });
      router.push(`/health/${target.id}`);
      router.refresh();
    },
  });
}

export function useDeleteTargetMutation(id: string) {
  const router = useRouter();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ id: string }>(`/api/admin/health-targets/${id}`, { method: "DELETE" }),
    onSuccess: async () => {
      client.removeQueries({ queryKey: healthKeys.target(id) });
      await client.invalidateQueries({ queryKey: [...healthKeys.all, "overview"] });
      router.push("/health");
      router.refresh();
    },
  });
}
