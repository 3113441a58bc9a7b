// `npm start`: validate configuration, open the database (embedded PGlite unless DATABASE_URL is set),
// apply pending migrations, start the in-process worker, then serve the Next.js app on PORT.
// `npm run dev` (--dev): the same, with `next dev` (hot reload) instead of a production build.
import { resolve } from "node:path";
import { EnvError, loadEnv, provideEnv } from "@/lib/env";
import { startEmbeddedPostgres } from "@/lib/embedded/pglite-server";
import { applyMigrations } from "@/lib/migrations/apply";
import { assertDatabaseReachable, assertPortFree } from "@/lib/system/preflight";
import { ensureBuild } from "./build-if-needed";
import { startWebServer } from "./web-server";

function fail(message: string): never {
  process.stderr.write(`\nsteward cannot start:\n${message}\n\n`);
  process.exit(1);
}

const dev = process.argv.includes("--dev");

async function main() {
  const env = loadEnv();
  await assertPortFree(env.PORT, env.HOSTNAME);
  if (!dev) ensureBuild();

  let url = env.DATABASE_URL;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  if (url) {
    await assertDatabaseReachable(url);
    console.log("database: PostgreSQL from DATABASE_URL");
  } else {
    const dataDir = resolve(env.STEWARD_DATA_DIR);
    embedded = await startEmbeddedPostgres({ dataDir });
    url = embedded.url;
    provideEnv({ DATABASE_URL: url, STEWARD_EMBEDDED_DATABASE: "true" });
    console.log(`database: embedded PGlite in ${dataDir}`);
  }

  const applied = await applyMigrations(url, { log: (line) => console.log(`migrate: ${line}`) });
  console.log(applied.length ? `migrate: applied ${applied.length} migration(s)` : "migrate: database is up to date");

  // Imported late: the worker reads configuration (DATABASE_URL) when it is first used.
  const { startWorker } = await import("@/lib/jobs/worker");
  const worker = env.STEWARD_WORKER === "inline" ? await startWorker({ connectionString: url }) : undefined;

  const web = await startWebServer({
    port: env.PORT,
    hostname: env.HOSTNAME,
    trustProxy: env.STEWARD_TRUST_PROXY,
    dev,
  });
  console.log(
    `steward: serving${dev ? " (development, hot reload)" : ""} on http://${env.HOSTNAME === "0.0.0.0" ? "localhost" : env.HOSTNAME}:${env.PORT}`,
  );

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log("steward: shutting down");
    await web.close().catch(() => undefined);
    await worker?.stop().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
}

process.env.NEXT_TELEMETRY_DISABLED ??= "1"; // Next.js's own setting, not steward's configuration
main().catch((error: unknown) => {
  if (error instanceof EnvError) fail(error.message);
  fail(error instanceof Error ? error.message : String(error));
});
