// npm run db:migration:new -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql for the
// changes to prisma/schema.prisma since the last migration (see lib/migrations/create.ts).
import { loadEnv } from "@/lib/env";
import { createMigration } from "@/lib/migrations/create";

const name = process.argv.slice(2).join("_");
if (name.trim() === "") {
  console.error("Usage: npm run db:migration:new -- <name>   (e.g. add_incident_severity)");
  process.exit(2);
}
try {
  // A reachable DATABASE_URL saves starting an in-memory PGlite; the diff never reads or changes it.
  const result = await createMigration({ name, connectionString: loadEnv().DATABASE_URL });
  if (!result.created) {
    console.log("No schema changes: prisma/schema.prisma matches the last migration.");
  } else {
    console.log(`Created ${result.directory}/migration.sql:\n\n${result.sql}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
