"use client";
// Client hooks of Settings → Repositories: lists poll every 2 s while a sync runs or waits, else every 15 s.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";
import { repositoryKeys, repositoryPaths } from "./query-keys";
import type { RepositorySettingsView, SyncHistoryView } from "./views";

const BUSY_REFRESH_MS = 2_000;
const IDLE_REFRESH_MS = 15_000;

const busy = (rows: { active: unknown; queued: boolean }[]) => rows.some((r) => r.active !== null || r.queued);

export function useRepositorySettingsQuery() {
  return useQuery({
    queryKey: repositoryKeys.settings(),
    queryFn: () => apiFetch<RepositorySettingsView>(repositoryPaths.settings),
    refetchInterval: (query) =>
      query.state.data && busy(query.state.data.repositories) ? BUSY_REFRESH_MS : IDLE_REFRESH_MS,
  });
}

export function useSyncHistoryQuery(id: string) {
  return useQuery({
    queryKey: repositoryKeys.history(id),
    queryFn: () => apiFetch<SyncHistoryView>(repositoryPaths.history(id)),
    refetchInterval: (query) =>
      query.state.data && busy([query.state.data.repository]) ? BUSY_REFRESH_MS : IDLE_REFRESH_MS,
  });
}

/** Any change here: refetch every repositories view. */
function useRepositoryMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => client.invalidateQueries({ queryKey: repositoryKeys.all }) });
}

export function useSyncNowMutation(id: string) {
  return useRepositoryMutation(() => apiFetch<{ status: string }>(repositoryPaths.sync(id), { method: "POST" }));
}

export function useAddRepositoryMutation() {
  return useRepositoryMutation((fullName: string) =>
    apiFetch<{ repository: { id: string } }>(repositoryPaths.add, { method: "POST", body: { fullName } }),
  );
}

export function useSetRepositoryEnabledMutation(id: string) {
  return useRepositoryMutation((enabled: boolean) =>
    apiFetch(repositoryPaths.repository(id), { method: "PATCH", body: { enabled } }),
  );
}

export function useDeleteRepositoryMutation(id: string) {
  return useRepositoryMutation(() => apiFetch(repositoryPaths.repository(id), { method: "DELETE" }));
}

export function useSaveTokenMutation() {
  return useRepositoryMutation((token: string) =>
    apiFetch<{ login: string | null }>(repositoryPaths.token, { method: "PUT", body: { token } }),
  );
}

export function useRemoveTokenMutation() {
  return useRepositoryMutation(() => apiFetch(repositoryPaths.token, { method: "DELETE" }));
}
