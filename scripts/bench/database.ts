// A throwaway database for a benchmark: `<database>_bench` next to DATABASE_URL (local hosts only,
// since it is dropped first), or a fresh embedded PGlite served from a child process so that its
// CPU is not counted as the benchmarked code's. Migrations are applied either way.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { applyMigrations } from "@/lib/migrations/apply";
import pg from "pg";
import { assertLocalDatabase, recreateLocalDatabase } from "@/lib/testing/local-database";

export type BenchDatabase = {
  url: string;
  description: string;
  embedded: boolean;
  /** CPU the embedded database's process used since it started (null for an external PostgreSQL). */
  cpuUsage(): Promise<NodeJS.CpuUsage | null>;
  stop(): Promise<void>;
};

/** Starts a TypeScript child of scripts/bench/ (run with tsx) and waits for its first message. */
export function forkChild<T>(relativePath: string, args: string[] = []): Promise<{ child: ChildProcess; first: T }> {
  const child = fork(fileURLToPath(new URL(relativePath, import.meta.url)), args, {
    execArgv: ["--import", "tsx", "--import", "./scripts/hooks/register.mjs"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (first) => resolve({ child, first: first as T }));
    child.once("exit", (code) => reject(new Error(`${relativePath} exited with ${code} before it was ready`)));
  });
}

/** Sends `request` to a child and waits for its answer. */
export function ask<T>(child: ChildProcess, request: string): Promise<T> {
  return new Promise((resolve) => {
    child.once("message", (answer) => resolve(answer as T));
    child.send(request);
  });
}

export async function startBenchDatabase(): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const url = await recreateLocalDatabase(external, "bench", "benchmarks");
    await applyMigrations(url);
    const { hostname, pathname } = new URL(url);
    return {
      url,
      description: `PostgreSQL on ${hostname}, fresh database ${pathname.slice(1)}`,
      embedded: false,
      cpuUsage: async () => null,
      stop: async () => undefined,
    };
  }
  const { child, first } = await forkChild<{ url: string }>("./pglite-child.ts");
  await applyMigrations(first.url);
  return {
    url: first.url,
    description: "embedded PGlite (fresh, in a child process)",
    embedded: true,
    cpuUsage: () => ask<NodeJS.CpuUsage>(child, "cpu"),
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send("stop");
      await exited;
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

/**
 * A persistent benchmark database `name` on DATABASE_URL's (local) server, kept between runs so a
 * large data set is built once: created when missing, dropped first only when `fresh`. Migrations
 * are applied either way. Without DATABASE_URL: a fresh embedded PGlite, as startBenchDatabase.
 */
export async function openReusableBenchDatabase(
  name: string,
  fresh: boolean,
): Promise<BenchDatabase & { existed: boolean }> {
  const external = process.env.DATABASE_URL;
  if (!external) return { ...(await startBenchDatabase()), existed: false };
  const parsed = assertLocalDatabase(external, "benchmarks");
  const admin = new pg.Client({ connectionString: external });
  await admin.connect();
  let existed: boolean;
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    existed = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
    if (!existed) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  await applyMigrations(url);
  return {
    url,
    description: `PostgreSQL on ${parsed.hostname}, ${existed ? "reused" : "new"} database ${name}`,
    embedded: false,
    existed,
    cpuUsage: async () => null,
    stop: async () => undefined,
  };
}
