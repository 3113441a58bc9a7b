// For tests about global facts ("no active admin is left"): the module's `db` points at a fresh,
// migrated database of the run's kind for the duration of one test file, then back.
import { afterAll, beforeAll } from "vitest";
import { createPrismaClient } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations } from "@/lib/migrations/apply";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/databases";

const globalForDb = globalThis as unknown as { stewardDb?: PrismaClient };

export function withIsolatedDatabase(): void {
  let saved: PrismaClient | undefined;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    await applyMigrations(database.url);
    saved = globalForDb.stewardDb;
    globalForDb.stewardDb = createPrismaClient(database.url, 5);
  });
  afterAll(async () => {
    await globalForDb.stewardDb?.$disconnect();
    globalForDb.stewardDb = saved;
    await database?.drop();
  });
}
