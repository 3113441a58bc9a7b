// Test rows with unique names, so tests never depend on (or wipe) each other's data.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { generateApiToken } from "@/lib/auth/tokens";
import { CreateTargetInput } from "@/lib/health/schemas";
import { createHealthTarget } from "@/lib/health/targets/targets";

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

/** An API token as Settings → API tokens makes it; returns the secret for `Authorization: Bearer`. */
export async function createTestApiToken(role: Role = "viewer") {
  const { token, prefix, tokenHash } = generateApiToken();
  const row = await db.apiToken.create({ data: { name: uniqueName("token"), role, prefix, tokenHash } });
  return { ...row, token };
}

/** A health target with a unique slug; `nextCheckAt` as given (default: not scheduled) so tests drive the clock. */
export async function createTestHealthTarget(
  input: Record<string, unknown> & { kind: "http" | "prometheus" | "push" },
  nextCheckAt: Date | null = null,
) {
  const parsed = CreateTargetInput.parse({
    name: uniqueName(input.kind),
    slug: uniqueName(`t-${input.kind}`),
    ...input,
  });
  const target = await createHealthTarget(parsed, null, "test");
  return db.healthTarget.update({ where: { id: target.id }, data: { nextCheckAt } });
}
