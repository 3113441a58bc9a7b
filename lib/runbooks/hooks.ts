"use client";
// Client hooks of Today, Runbooks and History. Today refreshes every 30 s (live check values); every change refetches all.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/client";
import { runbookKeys, runbookPaths } from "./query-keys";
import type { HistoryView, RunbookView, TodayView } from "./views/types";
import type { ImportOutcome } from "./store/save-import-types";
import type { PreviewResponse } from "./preview-types";

export const TODAY_REFRESH_MS = 30_000;

export function useTodayQuery() {
  return useQuery({
    queryKey: runbookKeys.today(),
    queryFn: () => apiFetch<TodayView>(runbookPaths.today),
    refetchInterval: TODAY_REFRESH_MS,
  });
}

export function useRunbooksQuery() {
  return useQuery({
    queryKey: runbookKeys.list(),
    queryFn: async () => (await apiFetch<{ runbooks: RunbookView[] }>(runbookPaths.list)).runbooks,
  });
}

export function useHistoryQuery(range: "week" | "month") {
  return useQuery({
    queryKey: runbookKeys.history(range),
    queryFn: () => apiFetch<HistoryView>(runbookPaths.history(range)),
  });
}

function useRunbookMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => client.invalidateQueries({ queryKey: runbookKeys.all }) });
}

export const useTickMutation = () =>
  useRunbookMutation((v: { runId: string; itemId: string; status: "done" | "skipped"; note?: string }) =>
    apiFetch(runbookPaths.tick(v.runId, v.itemId), { method: "POST", body: { status: v.status, note: v.note } }),
  );
export const useUndoTickMutation = () =>
  useRunbookMutation((v: { runId: string; itemId: string }) =>
    apiFetch(runbookPaths.tick(v.runId, v.itemId), { method: "DELETE" }),
  );
/** Starts (or opens the existing) procedure run of an incident or a release version; returns the run's id. */
export const useStartLinkedRunMutation = () =>
  useRunbookMutation(
    (v: { from: "incident"; incidentId: string } | { from: "release"; repo: string; version: string }) =>
      apiFetch<{ id: string; created: boolean }>(runbookPaths.runs, { method: "POST", body: v }),
  );
export const useSkipRunMutation = () =>
  useRunbookMutation((v: { runId: string; reason: string }) =>
    apiFetch(runbookPaths.skip(v.runId), { method: "POST", body: { reason: v.reason } }),
  );
export const useSignOffMutation = () =>
  useRunbookMutation((v: { runId: string; note?: string }) =>
    apiFetch(runbookPaths.signOff(v.runId), { method: "POST", body: { note: v.note } }),
  );
export const useStartRunMutation = () =>
  useRunbookMutation((v: { sectionId: string; label: string; version?: string; repo?: string }) =>
    apiFetch(runbookPaths.startRun(v.sectionId), {
      method: "POST",
      body: { label: v.label, version: v.version || undefined, repo: v.repo || undefined },
    }),
  );
export const useSetActiveMutation = () =>
  useRunbookMutation((v: { id: string; active: boolean }) =>
    apiFetch(runbookPaths.runbook(v.id), { method: "PATCH", body: { active: v.active } }),
  );
export const useUpdateSectionMutation = () =>
  useRunbookMutation(
    (v: { id: string; rrule?: string | null; onDemand?: boolean; businessHoursOnly?: boolean; dueTime?: string }) => {
      const { id, ...body } = v;
      return apiFetch(runbookPaths.section(id), { method: "PATCH", body });
    },
  );
export const useBindCheckMutation = () =>
  useRunbookMutation((v: { id: string; checkId: string | null }) =>
    apiFetch(runbookPaths.item(v.id), { method: "PATCH", body: { checkId: v.checkId } }),
  );
export const usePreviewMutation = () =>
  useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch<PreviewResponse>(runbookPaths.preview, { method: "POST", body }),
  });
export const useImportMutation = () =>
  useRunbookMutation((body: Record<string, unknown>) =>
    apiFetch<ImportOutcome>(runbookPaths.list, { method: "POST", body }),
  );
