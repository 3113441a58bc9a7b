// Playwright's web server: a throwaway database (fresh PGlite dir, or `<db>_e2e` on the local
// Postgres named by DATABASE_URL), then exactly what `npm start` does.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recreateE2eDatabase } from "./local-database";

if (process.env.DATABASE_URL) {
  process.env.DATABASE_URL = await recreateE2eDatabase(process.env.DATABASE_URL);
} else {
  process.env.STEWARD_DATA_DIR = mkdtempSync(join(tmpdir(), "steward-e2e-"));
}
await import("../../scripts/start");
