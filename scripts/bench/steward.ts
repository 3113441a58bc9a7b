// Starts steward for a benchmark (scripts/start.ts: builds the web app first if the sources changed), on a
// free port with the worker off, and creates the first admin; returns its base URL and session cookie.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { BenchError, expectStatus, onExit } from "./run";

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export async function startSteward(databaseUrl: string, env: Record<string, string> = {}): Promise<{ base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const profile = process.env.BENCH_CPU_PROFILE
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
    : [];
  const steward = spawn(
    process.execPath,
    [...profile, "--import", "tsx", "--import", "./scripts/hooks/register.mjs", "scripts/start.ts"],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        STEWARD_WORKER: "off",
        STEWARD_LOG_LEVEL: "warn",
        ...env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  onExit("steward", async () => {
    if (steward.exitCode !== null || steward.signalCode !== null) return;
    const exited = new Promise((resolve) => steward.once("exit", resolve));
    steward.kill("SIGTERM");
    await exited;
  });
  for (let waited = 0; ; waited += 500) {
    if (steward.exitCode !== null) throw new BenchError(`steward exited (${steward.exitCode}) before it was ready`);
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { base };
    if (waited > 900_000) throw new BenchError("steward did not start within 15 minutes");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Creates the first admin (POST /api/auth/setup) and returns the session cookie. */
export async function signInFirstAdmin(base: string): Promise<string> {
  const setup = await expectStatus(
    await fetch(`${base}/api/auth/setup`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ username: "bench", displayName: "Bench", password: "bench password 123" }),
    }),
    "creating the first admin (POST /api/auth/setup)",
  );
  return setup.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
