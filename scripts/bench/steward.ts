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
    // A graceful stop waits for requests in flight; one the benchmark gave up on may run for minutes.
    const kill = setTimeout(() => steward.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(kill);
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

const BENCH_ADMIN = { username: "bench", displayName: "Bench", password: "bench password 123" };

/** Creates the first admin (POST /api/auth/setup) and returns the session cookie. */
export async function signInFirstAdmin(base: string): Promise<string> {
  const setup = await expectStatus(
    await fetch(`${base}/api/auth/setup`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify(BENCH_ADMIN),
    }),
    "creating the first admin (POST /api/auth/setup)",
  );
  return sessionCookie(setup);
}

/** The first admin's session: created by setup on a new database, signed in on a reused one (setup answers 409). */
export async function signInBenchAdmin(base: string): Promise<string> {
  const headers = { "content-type": "application/json", origin: base };
  const setup = await fetch(`${base}/api/auth/setup`, { method: "POST", headers, body: JSON.stringify(BENCH_ADMIN) });
  if (setup.status !== 409)
    return sessionCookie(await expectStatus(setup, "creating the first admin (POST /api/auth/setup)"));
  await setup.body?.cancel();
  const login = await expectStatus(
    await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers,
      body: JSON.stringify({ username: BENCH_ADMIN.username, password: BENCH_ADMIN.password }),
    }),
    "signing in as the benchmark's admin (POST /api/auth/login)",
  );
  return sessionCookie(login);
}

const sessionCookie = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
