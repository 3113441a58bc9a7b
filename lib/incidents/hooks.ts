"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";
import { incidentKeys, incidentPaths, INCIDENT_REFRESH_MS } from "./query-keys";
import type { IncidentDetail, IncidentSummary } from "./views/views";

export function useIncidentBoardQuery() {
  return useQuery({
    queryKey: incidentKeys.board(),
    queryFn: async () => (await apiFetch<{ incidents: IncidentSummary[] }>(incidentPaths.board)).incidents,
    refetchInterval: INCIDENT_REFRESH_MS,
  });
}

export function useIncidentQuery(id: string) {
  return useQuery({
    queryKey: incidentKeys.one(id),
    queryFn: async () => (await apiFetch<{ incident: IncidentDetail }>(incidentPaths.one(id))).incident,
    refetchInterval: INCIDENT_REFRESH_MS,
  });
}

type Action = { path: string; method?: string; body?: unknown };

/** Any incident action (acknowledge, update, resolve, edit, postmortem); refreshes the incident and the board. */
export function useIncidentAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: Action) =>
      apiFetch<{ incident: IncidentDetail }>(`${incidentPaths.one(id)}${a.path}`, {
        method: a.method ?? "POST",
        body: a.body,
      }),
    onSuccess: ({ incident }) => client.setQueryData(incidentKeys.one(id), incident),
    onSettled: () => client.invalidateQueries({ queryKey: incidentKeys.all }),
  });
}

export function useCreateIncident() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) =>
      apiFetch<{ incident: IncidentDetail }>("/api/v1/incidents", { method: "POST", body }),
    onSettled: () => client.invalidateQueries({ queryKey: incidentKeys.all }),
  });
}
