import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./lib/testing/server-only.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // At least two workers (Vitest's default is one per core but one: a single worker on 2 cores). A test
    // file spends much of its time waiting on the database server, another process (or PGlite in the main
    // one), so a second worker keeps both cores busy: on 2 cores 378 -> 310 s on PostgreSQL, 402 -> 346 s
    // on PGlite. Workers share one database; each test file works on records of its own, and tests of
    // global facts use an isolated database (lib/testing/isolated-database.ts).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A migrated database in DATABASE_URL for every worker: PGlite, or the PostgreSQL in DATABASE_URL.
    globalSetup: ["lib/testing/global-setup.ts"],
    // Bounds for a hung test, not speed goals: generous so a loaded machine (CI on 2 cores, parallel
    // sessions) does not fail a test that would pass.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
