// The first lines every benchmark prints: what ran, where, on which versions and when — so a figure
// copied out of a log still says what it was measured on.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import pg from "pg";

function packageVersion(name: string): string {
  try {
    const url = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
    return (JSON.parse(readFileSync(url, "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

function gitCommit(): string {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return "unknown";
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return rows[0]?.v ?? "?";
  } finally {
    await client.end();
  }
}

/** Prints `title`, then the machine, database, versions and date lines. */
export async function printHeader(
  title: string,
  database: { url: string; description: string; embedded: boolean },
): Promise<void> {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
  const version = await serverVersion(database.url);
  console.log(title);
  console.log(
    `machine:  ${cpus.length} × ${cpus[0]?.model.trim() ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()} (${os.arch()}); load average ${load}`,
  );
  console.log(
    `database: ${database.description}; ${database.embedded ? `PGlite ${packageVersion("@electric-sql/pglite")} = PostgreSQL ${version}` : `PostgreSQL ${version}`}`,
  );
  console.log(
    `versions: steward ${packageVersion("..")} at ${gitCommit()}; node ${process.version}; prisma ${packageVersion("@prisma/client")}; pg ${packageVersion("pg")}`,
  );
  console.log(`date:     ${new Date().toISOString()}`);
}
