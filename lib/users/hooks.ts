"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/http/client";
import type { CreateUserInput, UpdateUserInput } from "@/lib/users/schemas";
import type { UserRow } from "@/lib/users/queries";

type UserResponse = { user: Pick<UserRow, "id" | "username" | "displayName" | "role" | "active"> };

export function useCreateUserMutation() {
  const router = useRouter();
  return useMutation({
    mutationFn: (input: CreateUserInput) => apiFetch<UserResponse>("/api/admin/users", { method: "POST", body: input }),
    onSuccess: () => router.refresh(),
  });
}

export function useUpdateUserMutation() {
  const router = useRouter();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUserInput & { id: string }) =>
      apiFetch<UserResponse>(`/api/admin/users/${id}`, { method: "PATCH", body: input }),
    onSuccess: () => router.refresh(),
  });
}
