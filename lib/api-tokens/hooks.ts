"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/http/client";
import type { CreateApiTokenInput } from "@/lib/api-tokens/schemas";

export type CreatedToken = { id: string; name: string; prefix: string; role: string; token: string };

export function useCreateApiTokenMutation() {
  const router = useRouter();
  return useMutation({
    mutationFn: (input: CreateApiTokenInput) =>
      apiFetch<{ token: CreatedToken }>("/api/admin/tokens", { method: "POST", body: input }),
    onSuccess: () => router.refresh(),
  });
}

export function useRevokeApiTokenMutation() {
  const router = useRouter();
  return useMutation({
    mutationFn: (id: string) => apiFetch<unknown>(`/api/admin/tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => router.refresh(),
  });
}
