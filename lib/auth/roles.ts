import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["viewer", "maintainer", "admin"] as const satisfies readonly Role[];

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: "Read-only: sees every dashboard, changes nothing.",
  maintainer: "May act: tick checklists, triage, update incidents.",
  admin: "Everything, plus settings, users, API tokens and targets.",
};

export function hasRole(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

export type { Role };
