// Test rows with unique names, so tests never depend on (or wipe) each other's data.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function createTestUser(overrides: { role?: Role; password?: string; active?: boolean } = {}) {
  const password = overrides.password ?? "test password 123";
  const user = await db.user.create({
    data: {
      username: uniqueName("user"),
      displayName: "Test User",
      role: overrides.role ?? "viewer",
      active: overrides.active ?? true,
      passwordHash: await hashPassword(password),
    },
  });
  return { ...user, password };
}
