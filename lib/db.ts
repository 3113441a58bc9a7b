// The one PrismaClient, built on the pg driver adapter (Prisma 7 has no native query engine).
// Created on first use so that importing this module never needs a database (e.g. `next build`).
// Its pg pool is shared with `sql()`: hot paths (the push API) send plain SQL through it, skipping
// Prisma's per-query work, on the same connections and the same database.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

// On globalThis like the client itself: Next.js bundles its own copy of this module beside the one
// scripts/start.ts loads, and both must find the pool of the one shared client.
const globalForPools = globalThis as unknown as { stewardDbPools?: WeakMap<object, pg.Pool> };
const pools = (globalForPools.stewardDbPools ??= new WeakMap<object, pg.Pool>());

/**
 * JIT compilation off for every steward session. PostgreSQL compiles a query whose estimated cost
 * passes jit_above_cost (100,000), and steward's rollup and KPI queries are estimated far above it
 * while reading a few thousand index rows: at 1,000 health targets, compiling the Metrics page's
 * runtime trend took 461 ms of a 780 ms query (auto_explain), and the trend went from 1.28 s to 0.58 s
 * without it. Sent as a startup option (`options=-c jit=off`, after any options the URL already has),
 * so it costs no statement; the embedded PGlite has no JIT and accepts the setting.
 */
export function withJitOff(connectionString: string): string {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    return connectionString; // not a URL (a libpq key=value string): left as the admin wrote it
  }
  const options = url.searchParams.get("options");
  url.searchParams.set("options", [options, "-c jit=off"].filter(Boolean).join(" "));
  return url.toString();
}

export function createPrismaClient(connectionString: string, max = getEnv().DATABASE_POOL_SIZE): PrismaClient {
  const pool = new pg.Pool({ connectionString: withJitOff(connectionString), max });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client: PrismaClient = new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
    // Prisma's defaults (2 s to get a connection, 5 s to finish) turn a burst of work on a busy
    // machine (an alert storm, a backfill beside the page traffic) into failed writes; wait longer.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
  pools.set(client, pool);
  return client;
}

export function getDatabaseUrl(): string {
  const url = getEnv().DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set: start steward with `npm start`, which provides the embedded database.");
  }
  return url;
}

const globalForDb = globalThis as unknown as { stewardDb?: PrismaClient };

function getClient(): PrismaClient {
  globalForDb.stewardDb ??= createPrismaClient(getDatabaseUrl());
  return globalForDb.stewardDb;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getClient();
    const value: unknown = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Plain SQL with positional parameters ($1, $2, …): rows as node-postgres returns them. */
export type Sql = { query<T>(text: string, values?: unknown[]): Promise<T[]> };

const sqlOfClient = (client: pg.Pool | pg.PoolClient): Sql => ({
  query: async <T>(text: string, values?: unknown[]) => (await client.query(text, values)).rows as T[],
});

/** Statements outside a transaction, on the pool of `db`. */
export function sql(): Sql {
  return sqlOfClient(pools.get(getClient())!);
}

/** Longest a `sqlTransaction` statement may run, or its connection sit idle inside it (Prisma's own is 20 s). */
export const SQL_TRANSACTION_TIMEOUT_MS = 20_000;

/**
 * One transaction on one pooled connection: committed when `work` resolves, rolled back when it throws.
 * Like Prisma's interactive transactions it cannot hold its locks forever: a statement running longer
 * than `timeoutMs` is cancelled, and so is a connection left idle in the open transaction that long
 * (both SET LOCAL, sent with BEGIN in one round trip, so they end with the transaction).
 */
export async function sqlTransaction<T>(
  work: (sql: Sql) => Promise<T>,
  { timeoutMs = SQL_TRANSACTION_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<T> {
  const ms = Math.max(1, Math.trunc(timeoutMs));
  const client = await pools.get(getClient())!.connect();
  try {
    await client.query(
      `BEGIN; SET LOCAL statement_timeout = ${ms}; SET LOCAL idle_in_transaction_session_timeout = ${ms}`,
    );
    const result = await work(sqlOfClient(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
