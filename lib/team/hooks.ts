"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/http/client";
import type { TeamScheduleInput } from "@/lib/team/schemas";
import type { TeamScheduleView } from "@/lib/team/schedule";

export function useUpdateTeamScheduleMutation() {
  const router = useRouter();
  return useMutation({
    mutationFn: (input: TeamScheduleInput) =>
      apiFetch<{ schedule: TeamScheduleView }>("/api/team", { method: "PUT", body: input }),
    onSuccess: () => router.refresh(),
  });
}
