import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/testing/databases";
import { applyMigrations } from "./apply";
import { readCatalog } from "./catalog";
import { createMigration, diffDatamodels, SNAPSHOT_NAME } from "./create";
import { listMigrationNames, MIGRATIONS_DIR, SCHEMA_PATH } from "./migration-files";

const databases: TestDatabase[] = [];
async function freshDatabase(): Promise<string> {
  const database = await createTestDatabase();
  databases.push(database);
  return database.url;
}
afterAll(() => Promise.all(databases.map((database) => database.drop())));

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

type MigrationRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };
const migrationRows = (url: string): Promise<MigrationRow[]> =>
  query<MigrationRow>(
    url,
    "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
  );

describe("prisma/migrations", () => {
  const names = listMigrationNames(MIGRATIONS_DIR);
  let migrated: string;
  beforeAll(async () => {
    migrated = await freshDatabase();
  });

  test("applying every migration gives exactly the schema of prisma/schema.prisma (no drift)", async () => {
    expect(names.length).toBeGreaterThan(0);
    expect(await applyMigrations(migrated)).toEqual(names);

    const scripted = await freshDatabase();
    const script = await diffDatamodels(
      undefined,
      { path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, "utf8") },
      scripted,
    );
    await query(scripted, script ?? "");
    // Partial indexes Prisma cannot express are hand-written at the end of their migration.
    const handWritten = join(MIGRATIONS_DIR, "..", "hand-written.sql");
    if (existsSync(handWritten)) await query(scripted, readFileSync(handWritten, "utf8"));

    const [fromMigrations, fromSchema] = await Promise.all([readCatalog(migrated), readCatalog(scripted)]);
    expect(fromSchema.tables).toContainEqual({ name: "User", kind: "r" });
    expect(fromMigrations).toEqual(fromSchema);
  });

  test("_prisma_migrations records every migration the way `prisma migrate deploy` does", async () => {
    const rows = await migrationRows(migrated);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = readFileSync(join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex")); // Prisma's checksum
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
  });

  test("applying again applies nothing", async () => {
    expect(await applyMigrations(migrated)).toEqual([]);
    expect(await migrationRows(migrated)).toHaveLength(names.length);
  });

  test("concurrent starts apply each migration exactly once", async () => {
    const url = await freshDatabase();
    const runs: Array<Promise<string[]>> = [applyMigrations(url), applyMigrations(url)];
    // Separate processes exercise the advisory lock. On PGlite every client shares one backend
    // session, where advisory locks exclude nobody; one process owns it, and serializes in-process.
    if (testDatabaseKind() === "postgres") runs.push(migrateInChildProcess(url), migrateInChildProcess(url));
    const applied = (await Promise.all(runs)).flat();
    expect(applied.sort()).toEqual(names);
    expect((await migrationRows(url)).every((row) => row.finished_at !== null)).toBe(true);
  });
});

function migrateInChildProcess(url: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(join("node_modules", ".bin", "tsx"), ["scripts/db-migrate.ts"], {
      env: { ...process.env, DATABASE_URL: url },
    });
    let output = "";
    child.stdout.on("data", (data: Buffer) => (output += data.toString()));
    child.stderr.on("data", (data: Buffer) => (output += data.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve([...output.matchAll(/^Applied migration (\S+)$/gm)].map((match) => match[1] ?? ""));
      else reject(new Error(`db-migrate exited with ${code}:\n${output}`));
    });
  });
}

describe("createMigration (in a temporary copy of prisma/)", () => {
  let dir: string;
  const url = (): string => process.env.DATABASE_URL ?? ""; // any database: the diff never reads it
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "steward-migrations-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function copyOfPrisma(): { schemaPath: string; migrationsDir: string } {
    const root = mkdtempSync(join(dir, "prisma-"));
    cpSync(SCHEMA_PATH, join(root, "schema.prisma"));
    cpSync(MIGRATIONS_DIR, join(root, "migrations"), { recursive: true });
    return { schemaPath: join(root, "schema.prisma"), migrationsDir: join(root, "migrations") };
  }

  test("an added column becomes a new migration that applies cleanly", async () => {
    const paths = copyOfPrisma();
    expect(await createMigration({ ...paths, name: "nothing", connectionString: url() })).toEqual({ created: false });
    expect(listMigrationNames(paths.migrationsDir)).toEqual(listMigrationNames(MIGRATIONS_DIR));

    const schema = readFileSync(paths.schemaPath, "utf8");
    const changed = schema.replace(/model User \{\n/, "model User {\n  timezone String?\n");
    expect(changed).not.toBe(schema);
    writeFileSync(paths.schemaPath, changed);
    const result = await createMigration({
      ...paths,
      name: "Add timezone",
      connectionString: url(),
      now: new Date("2031-02-03T04:05:06Z"),
    });
    if (!result.created) throw new Error("expected a migration");
    expect(basename(result.directory)).toBe("20310203040506_add_timezone");
    expect(readFileSync(join(result.directory, "migration.sql"), "utf8")).toMatch(
      /ALTER TABLE "User" ADD COLUMN\s+"timezone" TEXT;/,
    );
    expect(readFileSync(join(paths.migrationsDir, SNAPSHOT_NAME), "utf8")).toBe(changed);

    const database = await freshDatabase();
    expect(await applyMigrations(database, { migrationsDir: paths.migrationsDir })).toContain(
      "20310203040506_add_timezone",
    );
    const columns = await query(
      database,
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'User' AND column_name = 'timezone'",
    );
    expect(columns).toHaveLength(1);
  });

  test("with no migrations yet, the first one creates everything and the lock file", async () => {
    const root = mkdtempSync(join(dir, "fresh-"));
    cpSync(SCHEMA_PATH, join(root, "schema.prisma"));
    const migrationsDir = join(root, "migrations");
    const result = await createMigration({
      schemaPath: join(root, "schema.prisma"),
      migrationsDir,
      name: "init",
      connectionString: url(),
    });
    expect(result.created && result.sql).toMatch(/CREATE TABLE "User"/);
    expect(readFileSync(join(migrationsDir, "migration_lock.toml"), "utf8")).toMatch(/^provider = "postgresql"$/m);
    expect(readdirSync(migrationsDir).sort()).toEqual([
      expect.stringMatching(/^\d{14}_init$/),
      "migration_lock.toml",
      SNAPSHOT_NAME,
    ]);
  });

  test("refuses to diff from empty when migrations exist but the snapshot is gone", async () => {
    const paths = copyOfPrisma();
    unlinkSync(join(paths.migrationsDir, SNAPSHOT_NAME));
    await expect(createMigration({ ...paths, name: "oops", connectionString: url() })).rejects.toThrow(
      /schema\.snapshot\.prisma is missing/,
    );
    expect(existsSync(join(paths.migrationsDir, SNAPSHOT_NAME))).toBe(false);
  });
});
