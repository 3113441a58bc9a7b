// `npm run bench:ingest`: samples per second through the push API — real HTTP to a steward this
// script starts (`scripts/start.ts`, worker off, on a fresh database) — versus a raw COPY of the same
// rows into "HealthSample" on the same database in the same run. Prints both rates and their ratio.
// COPY needs DATABASE_URL (a local PostgreSQL; a fresh <db>_bench is made): the embedded database's
// wire protocol has no COPY FROM STDIN, so there the baseline is the nearest raw bulk INSERT.
// The push API does much more per batch than COPY: token check, rate limit, validation, target
// lookup, then one transaction per batch (samples, rollup marks, alert states; lib/health/store/record.ts).
// BENCH_CPU_PROFILE=<dir> makes the steward process write a V8 CPU profile there when it stops;
// BENCH_PORT fixes steward's port (default: any free one).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import pg from "pg";
import { copyFrom } from "./bench/copy-from";
import { ms, percentile, startBenchDatabase } from "./bench/database";
import { printHeader } from "./bench/header";
import { BenchError, expectStatus, onExit, runBench } from "./bench/run";

const BATCHES = Number(process.env.BENCH_BATCHES ?? 200);
const BATCH = 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const TARGETS = 10;
const WARMUP = 5;
const METRICS: Array<[string, number]> = [
  ["response_time_ms", 400],
  ["error_rate_pct", 2],
  ["throughput_rps", 1500],
  ["memory_pct", 95],
];

type Row = { targetId: string; at: string; metric: string; value: number };

async function copyRows(client: pg.Client, rows: Row[]) {
  const lines = rows.map((r) => `${r.targetId}\t${r.at}\t${r.metric}\t${r.value}\n`);
  const chunks: Buffer[] = [];
  for (let i = 0; i < lines.length; i += 2000) chunks.push(Buffer.from(lines.slice(i, i + 2000).join("")));
  const copied = await copyFrom(client, `COPY "HealthSample" ("targetId", "at", "metric", "value") FROM STDIN`, chunks);
  return { label: "raw COPY … FROM STDIN", copied };
}

/** The embedded database's wire protocol has no COPY FROM STDIN: the nearest raw bulk load is INSERT … SELECT unnest(…). */
async function insertUnnest(client: pg.Client, rows: Row[]) {
  let copied = 0;
  for (let i = 0; i < rows.length; i += 10_000) {
    const part = rows.slice(i, i + 10_000);
    const result = await client.query(
      `INSERT INTO "HealthSample" ("targetId", "at", "metric", "value") SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::float8[])`,
      [part.map((r) => r.targetId), part.map((r) => r.at), part.map((r) => r.metric), part.map((r) => r.value)],
    );
    copied += result.rowCount ?? 0;
  }
  return {
    label:
      "raw INSERT … SELECT unnest(…) in 10,000-row statements (embedded PGlite has no COPY FROM STDIN; set DATABASE_URL for COPY)",
    copied,
  };
}

/**
 * CPU time (user + system, ms) a process has used, from /proc (Linux): unlike wall time it does not
 * depend on what else the machine runs. null where /proc is missing.
 */
function cpuMsOf(pid: number | undefined): number | null {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

await runBench("bench:ingest", async () => {
  const database = await startBenchDatabase();
  onExit("the benchmark database", () => database.stop());
  await printHeader(
    `bench:ingest — ${BATCHES} batches × ${BATCH} samples over HTTP (${CONCURRENCY} in flight) to ${TARGETS} push targets, then a raw bulk load of the same rows`,
    database,
  );
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  const base = `http://127.0.0.1:${port}`;
  console.log("starting steward (scripts/start.ts; builds the web app first if the sources changed)…");
  // BENCH_CPU_PROFILE=<dir>: steward writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROFILE
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
    : [];
  const steward = spawn(
    process.execPath,
    [...profile, "--import", "tsx", "--import", "./scripts/hooks/register.mjs", "scripts/start.ts"],
    {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        STEWARD_WORKER: "off",
        STEWARD_HEALTH_PUSH_RATE_LIMIT: "100000",
        STEWARD_LOG_LEVEL: "warn",
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
    if (up) break;
    if (waited > 600_000) throw new BenchError("steward did not start within 10 minutes");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const json = { "content-type": "application/json", origin: base };
  const setup = await expectStatus(
    await fetch(`${base}/api/auth/setup`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({
        username: "bench",
        displayName: "Bench",
        password: "bench password 123",
      }),
    }),
    "creating the first admin (POST /api/auth/setup)",
  );
  const cookie = setup.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const admin = { ...json, cookie };
  const ids = new Map<string, string>();
  for (let i = 0; i < TARGETS; i++) {
    const r = await fetch(`${base}/api/admin/health-targets`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({
        kind: "push",
        name: `ingest ${i}`,
        slug: `ingest-${i}`,
        heartbeats: false,
      }),
    });
    await expectStatus(r, `creating push target ingest-${i} (POST /api/admin/health-targets)`, [201]);
    const { target } = (await r.json()) as { target?: { id?: string } };
    if (!target?.id) throw new BenchError(`creating push target ingest-${i}: the answer has no target id`);
    ids.set(`ingest-${i}`, target.id);
  }
  const tokenResponse = await fetch(`${base}/api/admin/tokens`, {
    method: "POST",
    headers: admin,
    body: JSON.stringify({ name: "bench push", role: "maintainer" }),
  });
  await expectStatus(tokenResponse, "creating an API token (POST /api/admin/tokens)", [200, 201]);
  const token = ((await tokenResponse.json()) as { token: { token: string } }).token.token;

  const now = Date.now();
  const batches = Array.from({ length: WARMUP + BATCHES }, (_, b) =>
    Array.from({ length: BATCH }, (_, i) => {
      const [metric, max] = METRICS[(b + i) % METRICS.length]!;
      return {
        target: `ingest-${i % TARGETS}`,
        metric,
        value: Math.round(Math.random() * max * 100) / 100,
        at: new Date(now - 1_800_000 + b * 1000 + i).toISOString(),
      };
    }),
  );
  const send = async (samples: (typeof batches)[number]) => {
    const started = performance.now();
    const r = await fetch(`${base}/api/v1/metrics`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ samples }),
    });
    await expectStatus(r, "pushing a batch (POST /api/v1/metrics)", [202]);
    await r.arrayBuffer();
    return performance.now() - started;
  };
  for (const batch of batches.slice(0, WARMUP)) await send(batch);
  const timed = batches.slice(WARMUP);
  const latencies: number[] = [];
  let next = 0;
  const cpuBefore = cpuMsOf(steward.pid);
  const pushStart = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < timed.length) latencies.push(await send(timed[next++]!));
    }),
  );
  const pushSeconds = (performance.now() - pushStart) / 1000;
  const cpuAfter = cpuMsOf(steward.pid);
  const samples = BATCHES * BATCH;
  const pushRate = samples / pushSeconds;
  latencies.sort((a, b) => a - b);
  console.log(
    `\npush API: ${samples.toLocaleString("en")} samples in ${pushSeconds.toFixed(2)} s = ${Math.round(pushRate).toLocaleString("en")} samples/s (batch latency p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))})`,
  );

  if (cpuBefore !== null && cpuAfter !== null)
    console.log(
      `steward CPU during the push: ${(((cpuAfter - cpuBefore) / BATCHES) * (1000 / BATCH)).toFixed(1)} ms per 1,000 samples (user + system, /proc; ${((cpuAfter - cpuBefore) / 1000 / pushSeconds).toFixed(2)} cores busy on average)`,
    );

  const rows = timed.flat().map((s) => ({
    targetId: ids.get(s.target)!,
    at: s.at,
    metric: s.metric,
    value: s.value,
  }));
  const client = new pg.Client({ connectionString: database.url });
  client.on("error", (error) => console.error(`database connection: ${error.message}`));
  await client.connect();
  onExit("the bulk-load connection", () => client.end());
  // What the push did besides storing rows: alert states moved and incidents' timelines written from the pushed values.
  const [effects] = (
    await client.query<{ alerts: number; incidents: number; timeline: number }>(
      `SELECT (SELECT count(*)::int FROM "AlertEvent") AS "alerts", (SELECT count(*)::int FROM "Incident") AS "incidents",
        (SELECT count(*)::int FROM "IncidentEvent") AS "timeline"`,
    )
  ).rows;
  console.log(
    `state evaluation during the push: ${effects!.alerts.toLocaleString("en")} alert events, ${effects!.incidents} incidents opened, ${effects!.timeline.toLocaleString("en")} incident timeline events`,
  );
  const bulkStart = performance.now();
  const { label, copied } = database.embedded ? await insertUnnest(client, rows) : await copyRows(client, rows);
  const bulkSeconds = (performance.now() - bulkStart) / 1000;
  const bulkRate = copied / bulkSeconds;
  console.log(
    `${label}: ${copied.toLocaleString("en")} rows in ${bulkSeconds.toFixed(2)} s = ${Math.round(bulkRate).toLocaleString("en")} rows/s`,
  );
  console.log(
    `push reaches ${((pushRate / bulkRate) * 100).toFixed(0)} % of the raw bulk load (${Math.round(pushRate).toLocaleString("en")} vs ${Math.round(bulkRate).toLocaleString("en")} rows/s, same rows, same database, same run)`,
  );
  console.log(
    `load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
});
