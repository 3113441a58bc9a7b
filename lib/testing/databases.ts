// Fresh, empty databases for tests: a throwaway database on the PostgreSQL server of the test run
// (CI), or a throwaway in-memory PGlite server when the run uses the embedded database.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/embedded/pglite-server";

export type TestDatabase = { url: string; drop(): Promise<void> };
export type TestDatabaseKind = "postgres" | "pglite";

// Test infrastructure talks to the test runner through these two variables (set by
// lib/testing/global-setup.ts), not through the app's configuration in lib/env.ts.
export function testDatabaseKind(): TestDatabaseKind {
  const declared = process.env.STEWARD_TEST_DB_KIND;
  if (declared === "postgres" || declared === "pglite") return declared;
  return process.env.DATABASE_URL ? "postgres" : "pglite";
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (testDatabaseKind() === "pglite" || !serverUrl) {
    const server = await startEmbeddedPostgres();
    return { url: server.url, drop: server.stop };
  }
  const name = `steward_t_${randomBytes(6).toString("hex")}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE (PG 13+): a pool the test forgot to close must not make the drop fail.
    drop: async () => {
      await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
