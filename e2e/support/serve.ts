// Playwright's web server: a throwaway database (fresh PGlite dir, or `<db>_e2e` on the local
// Postgres named by DATABASE_URL), the GitHub test server as GITHUB_API_URL (no GITHUB_TOKEN: the
// suite enters one in Settings), then exactly what `npm start` does.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startGitHubTestServer } from "@/lib/github/test-server/server";
import { E2E_GITHUB_LATENCY_MS, E2E_GITHUB_PORT, E2E_GITHUB_TOKEN, generateE2eRepo } from "./github";
import { recreateE2eDatabase } from "./local-database";

if (process.env.DATABASE_URL) {
  process.env.DATABASE_URL = await recreateE2eDatabase(process.env.DATABASE_URL);
} else {
  process.env.STEWARD_DATA_DIR = mkdtempSync(join(tmpdir(), "steward-e2e-"));
}
const github = await startGitHubTestServer({
  repos: [generateE2eRepo()],
  port: E2E_GITHUB_PORT,
  latencyMs: E2E_GITHUB_LATENCY_MS,
  tokens: [E2E_GITHUB_TOKEN],
});
process.env.GITHUB_API_URL = github.url;
delete process.env.GITHUB_TOKEN;
delete process.env.STEWARD_REPOS;
await import("../../scripts/start");
