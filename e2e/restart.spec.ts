// Embedded mode keeps its data across restarts: a second steward on its own PGlite data directory
// is started, given an admin, stopped, started again, and still knows the admin.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";

const PORT = 3101;
const URL_BASE = `http://127.0.0.1:${PORT}`;

function startSteward(dataDir: string): { child: ChildProcess; output: () => string } {
  let output = "";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    HOSTNAME: "127.0.0.1",
    STEWARD_DATA_DIR: dataDir,
    STEWARD_LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL; // always the embedded database, also in CI
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/hooks/register.mjs", "scripts/start.ts"],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  return { child, output: () => output };
}

async function waitForHealthy(output: () => string): Promise<void> {
  await expect
    .poll(async () => (await fetch(`${URL_BASE}/api/health`).catch(() => null))?.status ?? 0, {
      timeout: 120_000,
      message: output(),
    })
    .toBe(200);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

test.use({ storageState: { cookies: [], origins: [] } });

test("restarting the embedded database keeps users", async ({ page }) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), "steward-restart-"));
  try {
    const first = startSteward(dataDir);
    await waitForHealthy(first.output);
    expect(first.output()).toContain("migrate: applied");
    const setup = await fetch(`${URL_BASE}/api/auth/setup`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: URL_BASE },
      body: JSON.stringify({ username: "keeper", displayName: "Keeper", password: "a long enough password" }),
    });
    expect(setup.status).toBe(201);

    // A second server on the same data directory is refused while the first runs.
    const intruder = spawn(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/hooks/register.mjs", "scripts/start.ts"],
      {
        env: {
          ...process.env,
          PORT: String(PORT + 1),
          HOSTNAME: "127.0.0.1",
          STEWARD_DATA_DIR: dataDir,
          DATABASE_URL: "",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let intruderOutput = "";
    intruder.stderr?.on("data", (d) => (intruderOutput += d));
    const code = await new Promise((resolve) => intruder.once("exit", resolve));
    expect(code).not.toBe(0);
    expect(intruderOutput).toMatch(/in use by process \d+/);

    await stop(first.child);

    const second = startSteward(dataDir);
    await waitForHealthy(second.output);
    expect(second.output()).toContain("migrate: database is up to date");
    await page.goto(`${URL_BASE}/setup`);
    await expect(page).toHaveURL(`${URL_BASE}/login`);
    await page.getByLabel("Username", { exact: true }).fill("keeper");
    await page.getByLabel("Password", { exact: true }).fill("a long enough password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${URL_BASE}/today`);
    await stop(second.child);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
