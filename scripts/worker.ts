// `npm run worker`: a background worker process on the shared PostgreSQL (DATABASE_URL required).
import { EnvError, loadEnv } from "@/lib/env";
import { applyMigrations } from "@/lib/migrations/apply";
import { assertDatabaseReachable } from "@/lib/system/preflight";
import { startWorker } from "@/lib/jobs/worker";

async function main() {
  const env = loadEnv();
  if (!env.DATABASE_URL) {
    throw new Error(
      "`npm run worker` needs DATABASE_URL. With the embedded database, `npm start` already runs the worker.",
    );
  }
  await assertDatabaseReachable(env.DATABASE_URL);
  await applyMigrations(env.DATABASE_URL, { log: (line) => console.log(`migrate: ${line}`) });
  const worker = await startWorker({ connectionString: env.DATABASE_URL });
  const stop = () => void worker.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `\nsteward worker cannot start:\n${error instanceof EnvError || error instanceof Error ? error.message : String(error)}\n\n`,
  );
  process.exit(1);
});
