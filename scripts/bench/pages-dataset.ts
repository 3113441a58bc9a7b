// Where bench:pages keeps its data set. By default a fresh throwaway database (scripts/bench/database.ts).
// With BENCH_DATABASE=<name> (or BENCH_REUSE=1: `<database>_pages_bench` next to DATABASE_URL) a
// persistent PostgreSQL database that is built once and reused: the sizes it was built with and the
// end of its raw samples are kept in the database's comment (written last, so an interrupted build is
// built again). On reuse, migrations are applied and the time-relative data is brought up to now
// (scripts/bench/pages-data.ts: raw samples and rollups topped up and aged out, checklist runs made
// due), so a re-run takes minutes instead of the build's tens of minutes.
import pg from "pg";
import { applyMigrations } from "@/lib/migrations/apply";
import { assertLocalDatabase } from "@/lib/testing/local-database";
import { startBenchDatabase, type BenchDatabase } from "./database";

export type PagesDataSize = {
  items: number;
  targets: number;
  rawDays: number;
  rollupDays: number;
  incidents: number;
};

/** What the database comment records: the sizes, when the raw samples end, and the data set's format. */
export type PagesDataMark = PagesDataSize & { format: number; rawEndMs: number; builtAt: string };

/** Bump when the data set's shape changes, so older persistent data sets are built again. */
export const PAGES_DATA_FORMAT = 4;

export type PagesDatabase = BenchDatabase & {
  /** The persistent database's name, or null for a throwaway one. */
  persistent: string | null;
  /** The mark of a complete data set of the same size and format, ready to reuse (null: build). */
  reusable: PagesDataMark | null;
};

function persistentName(): string | null {
  const explicit = process.env.BENCH_DATABASE;
  if (explicit) return explicit;
  if (process.env.BENCH_REUSE !== "1") return null;
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  return `${new URL(url).pathname.slice(1) || "postgres"}_pages_bench`;
}

const sameSize = (mark: PagesDataMark, size: PagesDataSize) =>
  mark.format === PAGES_DATA_FORMAT &&
  (Object.keys(size) as Array<keyof PagesDataSize>).every((k) => mark[k] === size[k]);

async function readMark(admin: pg.Client, name: string): Promise<PagesDataMark | null> {
  const { rows } = await admin.query<{ comment: string | null }>(
    `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
    [name],
  );
  try {
    return rows[0]?.comment ? (JSON.parse(rows[0].comment) as PagesDataMark) : null;
  } catch {
    return null;
  }
}

/** Records a complete data set (the last step of a build or refresh). */
export async function writeMark(url: string, mark: PagesDataMark): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const name = new URL(url).pathname.slice(1);
    const text = JSON.stringify(mark).replace(/'/g, "''");
    await client.query(`COMMENT ON DATABASE "${name}" IS '${text}'`);
  } finally {
    await client.end();
  }
}

/** Opens the benchmark's database: persistent (reused when its mark fits `size`, else emptied) or throwaway. */
export async function openPagesDatabase(size: PagesDataSize): Promise<PagesDatabase> {
  const name = persistentName();
  const external = process.env.DATABASE_URL;
  if (name === null || !external) {
    if (name !== null)
      console.log("BENCH_DATABASE / BENCH_REUSE need DATABASE_URL (PostgreSQL); using a fresh database");
    return { ...(await startBenchDatabase()), persistent: null, reusable: null };
  }
  if (!/^[a-zA-Z0-9_]+$/.test(name)) throw new Error(`BENCH_DATABASE must be letters, digits and _: ${name}`);
  const parsed = assertLocalDatabase(external, "benchmarks");
  const admin = new pg.Client({ connectionString: external });
  await admin.connect();
  let reusable: PagesDataMark | null = null;
  try {
    const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount! > 0;
    const mark = exists ? await readMark(admin, name) : null;
    if (mark && sameSize(mark, size)) reusable = mark;
    else {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
    }
  } finally {
    await admin.end();
  }
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  await applyMigrations(url);
  return {
    url,
    description: `PostgreSQL on ${parsed.hostname}, ${reusable ? `reused database ${name} (built ${reusable.builtAt})` : `persistent database ${name} (built now, kept for reuse)`}`,
    embedded: false,
    cpuUsage: async () => null,
    stop: async () => undefined,
    persistent: name,
    reusable,
  };
}
