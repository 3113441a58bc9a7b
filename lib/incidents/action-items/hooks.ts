"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";
import { incidentKeys, incidentPaths } from "../query-keys";
import type { ActionItemIssues, CreateActionItemIssueInput } from "./schemas";

const key = (id: string) => [...incidentKeys.all, "action-items", id] as const;
const path = (id: string) => `${incidentPaths.one(id)}/action-items`;

export function useActionItemIssuesQuery(incidentId: string) {
  return useQuery({
    queryKey: key(incidentId),
    queryFn: () => apiFetch<ActionItemIssues>(path(incidentId)),
    refetchInterval: 30_000,
  });
}

export function useCreateActionItemIssue(incidentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateActionItemIssueInput) =>
      apiFetch<{ created: boolean; number: number; url: string; repository: string }>(path(incidentId), {
        method: "POST",
        body,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: incidentKeys.all }),
  });
}
