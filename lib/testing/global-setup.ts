// Vitest globalSetup: every test worker gets a migrated database in DATABASE_URL (workers are
// forked after this runs, so they inherit the environment). With DATABASE_URL set (CI) that is the
// given PostgreSQL; otherwise an in-memory embedded PGlite served from this (the main) process.
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/embedded/pglite-server";
import { applyMigrations } from "@/lib/migrations/apply";

export default async function setup(): Promise<() => Promise<void>> {
  let server: EmbeddedPostgres | undefined;
  let url = process.env.DATABASE_URL;
  if (url) {
    process.env.STEWARD_TEST_DB_KIND = "postgres";
  } else {
    // Every forked worker opens its own Prisma pool (DATABASE_POOL_SIZE each) to this one server.
    server = await startEmbeddedPostgres({ maxConnections: 1000 });
    url = server.url;
    process.env.DATABASE_URL = url;
    process.env.STEWARD_TEST_DB_KIND = "pglite";
  }
  const applied = await applyMigrations(url);
  console.log(`[test db] ${process.env.STEWARD_TEST_DB_KIND}: ${redact(url)} (${applied.length} migration(s) applied)`);
  return async () => {
    await server?.stop();
  };
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
