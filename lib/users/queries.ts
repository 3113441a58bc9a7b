import "server-only";
import { db } from "@/lib/db";

export async function countUsers(): Promise<number> {
  return db.user.count();
}

export async function listUsers() {
  return db.user.findMany({
    orderBy: { username: "asc" },
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      active: true,
      createdAt: true,
      lastLoginAt: true,
    },
  });
}
export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];
