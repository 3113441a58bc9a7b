import "server-only";
import { db } from "@/lib/db";

export async function listApiTokens() {
  return db.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      role: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      createdBy: { select: { username: true } },
    },
  });
}
export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];
