// Applies prisma/migrations/* to a database the way `prisma migrate deploy` does (same
// `_prisma_migrations` bookkeeping), through the wasm schema engine: no download needed.
import pg from "pg";
import { MIGRATIONS_DIR, readMigrationList } from "./migration-files";
import { NO_FILTER, withSchemaEngine } from "./schema-engine";

export type ApplyOptions = {
  log?: (line: string) => void;
  migrationsDir?: string;
};

// Prisma's engine takes advisory lock 72707369 itself, but gives up after 10 s; ours (another key,
// so the two never wait on each other) has no timeout: a second process waits out a long migration.
const MIGRATION_LOCK_KEY = 5_313_960_001;

// PGlite is one shared backend session, where a session advisory lock is re-entrant and so
// excludes nobody: callers in this process also queue here. (Only one process can own an
// embedded data directory, so that covers two processes starting at once on PGlite.)
const inProcess = new Map<string, Promise<unknown>>();

/** Applies pending migrations; returns the names applied now (empty when up to date). */
export async function applyMigrations(connectionString: string, options: ApplyOptions = {}): Promise<string[]> {
  const previous = inProcess.get(connectionString) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => applyUnderLock(connectionString, options));
  inProcess.set(connectionString, run);
  try {
    return await run;
  } finally {
    if (inProcess.get(connectionString) === run) inProcess.delete(connectionString);
  }
}

async function applyUnderLock(connectionString: string, options: ApplyOptions): Promise<string[]> {
  const log = options.log ?? (() => undefined);
  const migrationsList = readMigrationList(options.migrationsDir ?? MIGRATIONS_DIR);
  // Held on a connection outside any transaction: on PGlite an open transaction would stop the
  // engine's own connections until it ends.
  const lockClient = new pg.Client({ connectionString });
  lockClient.on("error", () => undefined);
  await lockClient.connect();
  try {
    await lockClient.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const { appliedMigrationNames } = await withSchemaEngine({ connectionString }, (engine) =>
      engine.applyMigrations({ migrationsList, filters: NO_FILTER }),
    );
    for (const name of appliedMigrationNames) log(`Applied migration ${name}`);
    const total = migrationsList.migrationDirectories.length;
    if (appliedMigrationNames.length === 0) log(`Database is up to date (all ${total} migration(s) already applied)`);
    return appliedMigrationNames;
  } finally {
    await lockClient.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockClient.end().catch(() => undefined);
  }
}
