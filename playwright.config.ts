import { defineConfig } from "@playwright/test";
import { findChromium } from "./e2e/support/find-chromium.mjs";
import { BASE_URL, E2E_PORT, STORAGE } from "./e2e/support/accounts";

const executablePath = findChromium() ?? undefined;

export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "api", testMatch: /.*\.api\.spec\.ts/, dependencies: ["setup"] },
    // The admin connects GitHub and syncs the e2e repository first: triage, runbooks, metrics and deps
    // specs read that synced data, and this spec must see "No repositories yet" before anyone adds one.
    {
      name: "github",
      testMatch: /repositories\.spec\.ts/,
      dependencies: ["setup"],
      use: { storageState: STORAGE.admin },
    },
    {
      name: "chromium",
      testMatch: /.*\.spec\.ts/,
      testIgnore: [/.*\.api\.spec\.ts/, /repositories\.spec\.ts/],
      dependencies: ["setup", "github"],
      use: { storageState: STORAGE.admin },
    },
  ],
  webServer: {
    command: "node --import tsx --import ./scripts/hooks/register.mjs e2e/support/serve.ts",
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    env: { PORT: String(E2E_PORT), HOSTNAME: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1", STEWARD_LOG_LEVEL: "warn" },
  },
});
