// `npm run db:migration:new -- <name>`: the SQL for the change from the last migrated datamodel
// (kept as a snapshot next to the migrations) to prisma/schema.prisma. The wasm engine cannot
// introspect a live database, but it can diff two datamodels, which needs no shadow database.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startEmbeddedPostgres } from "@/lib/embedded/pglite-server";
import { LOCKFILE_CONTENT, LOCKFILE_NAME, listMigrationNames, MIGRATIONS_DIR, SCHEMA_PATH } from "./migration-files";
import { NO_FILTER, withSchemaEngine } from "./schema-engine";
import type { DiffTarget } from "@prisma/schema-engine-wasm/schema_engine_bg";

export const SNAPSHOT_NAME = "schema.snapshot.prisma";

export type CreateMigrationOptions = {
  name: string;
  schemaPath?: string;
  migrationsDir?: string;
  /** Any reachable database: the engine connects on start though a diff never reads it. Default: in-memory PGlite. */
  connectionString?: string;
  now?: Date;
};

export type CreateMigrationResult = { created: false } | { created: true; directory: string; sql: string };

export async function createMigration(options: CreateMigrationOptions): Promise<CreateMigrationResult> {
  const schemaPath = options.schemaPath ?? SCHEMA_PATH;
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  const slug = toSlug(options.name);
  const snapshotPath = join(migrationsDir, SNAPSHOT_NAME);
  const existing = listMigrationNames(migrationsDir);
  if (!existsSync(snapshotPath) && existing.length > 0) {
    // Diffing from `empty` here would re-create every table in the new migration.
    throw new Error(
      `${snapshotPath} is missing but ${migrationsDir} has migrations; restore it (e.g. from git) first.`,
    );
  }
  const schema = readFileSync(schemaPath, "utf8");
  const previous = existsSync(snapshotPath)
    ? { path: snapshotPath, content: readFileSync(snapshotPath, "utf8") }
    : undefined;
  const sql = await withAnyDatabase(options.connectionString, (connectionString) =>
    diffDatamodels(previous, { path: schemaPath, content: schema }, connectionString),
  );
  if (sql === null) return { created: false };

  const directory = join(migrationsDir, `${nextTimestamp(options.now ?? new Date(), existing)}_${slug}`);
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, "migration.sql"), sql);
  const lockfile = join(migrationsDir, LOCKFILE_NAME);
  if (!existsSync(lockfile)) writeFileSync(lockfile, LOCKFILE_CONTENT);
  writeFileSync(snapshotPath, schema);
  return { created: true, directory, sql };
}

type Datamodel = { path: string; content: string };

/** The SQL taking `from` (undefined: an empty database) to `to`, or null when they are the same. */
export async function diffDatamodels(
  from: Datamodel | undefined,
  to: Datamodel,
  connectionString: string,
): Promise<string | null> {
  const source: DiffTarget = from === undefined ? { tag: "empty" } : { tag: "schemaDatamodel", files: [from] };
  const target: DiffTarget = { tag: "schemaDatamodel", files: [to] };
  const diff = await withSchemaEngine({ connectionString }, (engine) =>
    engine.diff({ from: source, to: target, script: true, exitCode: true, filters: NO_FILTER }),
  );
  return diff.exitCode === 0 || diff.stdout === null ? null : diff.stdout; // exitCode 2: not empty
}

async function withAnyDatabase<T>(connectionString: string | undefined, work: (url: string) => Promise<T>): Promise<T> {
  if (connectionString !== undefined) return work(connectionString);
  const server = await startEmbeddedPostgres();
  try {
    return await work(server.url);
  } finally {
    await server.stop();
  }
}

function toSlug(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (slug === "") throw new Error(`Invalid migration name "${name}": use letters, digits and underscores.`);
  return slug;
}

// Prisma's UTC YYYYMMDDHHMMSS, nudged past the newest existing migration so order is kept even
// for two migrations in one second or a clock behind the last commit.
function nextTimestamp(now: Date, existing: string[]): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const newest = existing
    .map((name) => name.slice(0, 14))
    .filter((s) => /^\d{14}$/.test(s))
    .sort()
    .at(-1);
  if (newest === undefined || stamp > newest) return stamp;
  return (BigInt(newest) + 1n).toString(); // may read e.g. ...60 seconds; it only has to sort
}
