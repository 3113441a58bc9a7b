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
    // A migrated database in DATABASE_URL for every worker: PGlite, or the PostgreSQL in DATABASE_URL.
    globalSetup: ["lib/testing/global-setup.ts"],
    // Bounds for a hung test, not speed goals: generous so a loaded machine (CI on 2 cores, parallel
    // sessions) does not fail a test that would pass.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
