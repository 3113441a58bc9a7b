// npm run db:migrate: applies pending prisma/migrations to the PostgreSQL at DATABASE_URL.
// (The embedded database is migrated by steward itself when it starts.)
import { loadEnv } from "@/lib/env";
import { applyMigrations } from "@/lib/migrations/apply";

try {
  const url = loadEnv().DATABASE_URL;
  if (url === undefined) {
    console.error(
      "DATABASE_URL is not set. `npm run db:migrate` migrates an external PostgreSQL, e.g.\n" +
        "  DATABASE_URL=postgresql://user:password@host:5432/steward npm run db:migrate\n" +
        "The embedded database (no DATABASE_URL) is migrated automatically when steward starts.",
    );
    process.exit(1);
  }
  const started = Date.now();
  const applied = await applyMigrations(url, { log: (line) => console.log(line) });
  console.log(`Done: ${applied.length} migration(s) applied in ${Date.now() - started} ms.`);
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
