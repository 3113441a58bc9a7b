// Says in the test log which database the suite ran on, and fails if it is not what the setup
// promised (PGlite when DATABASE_URL was unset, a real PostgreSQL 15+ otherwise).
import { afterAll, expect, test } from "vitest";
import { db } from "@/lib/db";
import { listMigrationNames, MIGRATIONS_DIR } from "@/lib/migrations/migration-files";
import { testDatabaseKind } from "./databases";

afterAll(() => db.$disconnect());

test("the suite runs on a migrated PostgreSQL 15+ of the declared kind", async () => {
  const [server] = await db.$queryRaw<Array<{ version: string; num: number }>>`
    SELECT version() AS version, current_setting('server_version_num')::int AS num`;
  const kind = testDatabaseKind();
  console.log(`[test db] kind=${kind} server=${server?.version}`);
  expect(server?.num).toBeGreaterThanOrEqual(150000);
  expect(server?.version.includes("PGlite")).toBe(kind === "pglite");
  // The schema is there: every migration folder is recorded as applied, and finished.
  const applied = await db.$queryRaw<Array<{ name: string }>>`
    SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;
  expect(applied.map((m) => m.name)).toEqual(listMigrationNames(MIGRATIONS_DIR));
});
