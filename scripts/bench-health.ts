// `npm run bench:health`: 1,000 HTTP targets at a 30 s interval against one local server, checked by
// the real scheduler (startCheckScheduler, the continuous scheduler every worker runs). Prints how
// late checks start against their slots (start jitter), the scheduler's CPU and its process's peak
// resident memory. BENCH_TARGETS, BENCH_INTERVAL (s) and BENCH_SECONDS size the run.
// Database: DATABASE_URL's PostgreSQL (a fresh <db>_bench) or a fresh embedded PGlite; the database
// and the target server run in child processes, so the CPU figure is the scheduler's own.
import { loadavg } from "node:os";
import { ask, forkChild, ms, percentile, startBenchDatabase } from "./bench/database";
import { printHeader } from "./bench/header";
import { onExit, runBench } from "./bench/run";
import { printStorage } from "./bench/storage";

const TARGETS = Number(process.env.BENCH_TARGETS ?? 1000);
const INTERVAL_S = Number(process.env.BENCH_INTERVAL ?? 30);
const RUN_MS = Number(process.env.BENCH_SECONDS ?? 90) * 1000;

await runBench("bench:health", async () => {
  const database = await startBenchDatabase();
  onExit("the benchmark database", () => database.stop());
  process.env.DATABASE_URL = database.url;
  const { child: upstream, first } = await forkChild<{ port: number }>("./upstream-child.ts");
  onExit("the target server", async () => {
    if (upstream.exitCode !== null || upstream.signalCode !== null) return;
    const exited = new Promise((resolve) => upstream.once("exit", resolve));
    upstream.send("stop");
    await exited;
  });
  // Imported after DATABASE_URL is set: the database client reads it on first use.
  const { db } = await import("@/lib/db");
  onExit("the database client", () => db.$disconnect());
  const { getEnv } = await import("@/lib/env");
  const { CreateTargetInput } = await import("@/lib/health/schemas");
  const { createHealthTarget } = await import("@/lib/health/targets/targets");
  const { startCheckScheduler, stopCheckLoops, waitForRunningChecks } =
    await import("@/lib/health/scheduler/run-checks");
  const { nextSlotAfter } = await import("@/lib/health/scheduler/slots");
  const { rollupPendingMinutes } = await import("@/lib/health/store/rollups");

  await printHeader(
    `bench:health — ${TARGETS} targets, interval ${INTERVAL_S} s, run ${RUN_MS / 1000} s, concurrency ${getEnv().STEWARD_HEALTH_CHECK_CONCURRENCY}`,
    database,
  );

  const created = performance.now();
  const targets: Array<{ id: string; index: number; phaseMs: number }> = [];
  const createOne = async (index: number) => {
    const input = CreateTargetInput.parse({
      kind: "http",
      name: `bench ${index}`,
      intervalSeconds: INTERVAL_S,
      check: {
        url: `http://127.0.0.1:${first.port}/t/${index}`,
        timeoutMs: 5000,
      },
    });
    const t = await createHealthTarget(input, null, "bench");
    targets.push({ id: t.id, index, phaseMs: t.phaseMs });
  };
  // Four at a time: well inside the 10-connection pool, so no creation waits for a transaction slot.
  for (let index = 0; index < TARGETS; index += 4)
    await Promise.all([0, 1, 2, 3].filter((i) => index + i < TARGETS).map((i) => createOne(index + i)));
  // Steady state, as after a restart: every target waits for its own jittered slot (a new target
  // would be due at once, which is a one-off burst and not what this measures).
  const startAt = Date.now();
  const next = targets.map((t) => new Date(nextSlotAfter(startAt, INTERVAL_S * 1000, t.phaseMs)));
  await db.$executeRaw`UPDATE "HealthTarget" AS h SET "nextCheckAt" = n.at FROM unnest(${targets.map((t) => t.id)}::uuid[], ${next}::timestamptz[]) AS n(id, at) WHERE h.id = n.id`;
  console.log(`created ${TARGETS} targets in ${((performance.now() - created) / 1000).toFixed(1)} s`);

  const dbCpuBefore = await database.cpuUsage();
  const cpuBefore = process.cpuUsage();
  let peakRss = process.memoryUsage().rss;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 1000);
  onExit("the memory sampler", () => clearInterval(rssTimer));
  const runStart = Date.now();
  // The worker's continuous scheduler, as `npm start` runs it, for RUN_MS.
  const scheduler = startCheckScheduler();
  await new Promise((resolve) => setTimeout(resolve, RUN_MS));
  const stopAt = Date.now();
  stopCheckLoops();
  await scheduler.done;
  const loopEnd = Date.now();
  await waitForRunningChecks();
  const { checked, errors } = scheduler.summary;
  const runEnd = Date.now();
  clearInterval(rssTimer);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const cpu = process.cpuUsage(cpuBefore);
  const dbCpuAfter = await database.cpuUsage();
  const report = await ask<{ arrivals: Array<[number, number]>; cpu: NodeJS.CpuUsage }>(upstream, "report");

  // Lateness of each check start (arrival at the server) behind the slot it was run for.
  const intervalMs = INTERVAL_S * 1000;
  const phase = new Map(targets.map((t) => [t.index, t.phaseMs]));
  const late = {
    all: [] as number[],
    beforeStart: [] as number[],
    afterStop: [] as number[],
    startup: [] as number[],
    steady: [] as number[],
  };
  const startedSlots: number[] = [];
  const byTarget = new Map<number, number[]>();
  for (const [index, at] of report.arrivals) {
    const p = phase.get(index)!;
    const slot = Math.round((at - p) / intervalMs) * intervalMs + p; // nearest slot: a few ms early (clocks of two processes) counts as early
    const lateness = at - slot;
    startedSlots.push(slot);
    // Slots due before the scheduler started (the gap between putting targets on their slots and
    // starting it) are a one-off catch-up, and slots past the stop are not the run's: shown apart.
    (slot < runStart ? late.beforeStart : slot >= stopAt ? late.afterStop : late.all).push(lateness);
    if (slot >= runStart && slot < stopAt) (slot < runStart + 10_000 ? late.startup : late.steady).push(lateness);
    (byTarget.get(index) ?? byTarget.set(index, []).get(index)!).push(at);
  }
  const deviations = [...byTarget.values()].flatMap((times) =>
    times
      .sort((a, b) => a - b)
      .slice(1)
      .map((t, i) => Math.abs(t - times[i]! - intervalMs)),
  );
  // Checks started vs expected: slots from the start to the stop (a scheduler may also start a few
  // past the stop, or give claimed ones back; neither counts). Started late still counts as started.
  const inRun = (slot: number) => slot >= runStart && slot < stopAt;
  const slotsDue = targets.reduce((n, t) => {
    let count = 0;
    for (let s = nextSlotAfter(runStart - 1, intervalMs, t.phaseMs); inRun(s); s += intervalMs) count++;
    return n + count;
  }, 0);
  const startedForRun = startedSlots.filter(inRun).length;
  const line = (label: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `  ${label.padEnd(34)} n=${String(sorted.length).padStart(5)}  p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted.at(-1) ?? Number.NaN)}`;
  };
  const seconds = (runEnd - runStart) / 1000;
  const cpuS = (cpu.user + cpu.system) / 1e6;
  console.log(
    `\nran the continuous scheduler for ${((loopEnd - runStart) / 1000).toFixed(1)} s (${seconds.toFixed(1)} s with the checks it left running)`,
  );
  console.log(
    `checks started for slots inside the run: ${startedForRun} of ${slotsDue} due (${((startedForRun / Math.max(1, slotsDue)) * 100).toFixed(1)} %); started in all: ${report.arrivals.length}; recorded: ${checked}; errors: ${errors}`,
  );
  console.log("start jitter (check start − its slot), all checks for slots from the scheduler's start to its stop:");
  console.log(line("all checks", late.all));
  console.log(line("  of which in its first 10 s", late.startup));
  console.log(line("  of which after its first 10 s", late.steady));
  console.log(line("(apart) slots due before the start", late.beforeStart));
  console.log(line("(apart) slots after the stop", late.afterStop));
  console.log(line(`interval deviation |Δ − ${INTERVAL_S} s|`, deviations));
  console.log(
    `scheduler CPU (this process): user ${(cpu.user / 1e6).toFixed(2)} s + system ${(cpu.system / 1e6).toFixed(2)} s = ${((cpuS / seconds) * 100).toFixed(1)} % of one core, ${((cpuS * 1e6) / Math.max(1, checked)).toFixed(0)} µs per check`,
  );
  console.log(`scheduler process resident memory (RSS): peak ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
  if (dbCpuBefore && dbCpuAfter) {
    const dbS = (dbCpuAfter.user - dbCpuBefore.user + dbCpuAfter.system - dbCpuBefore.system) / 1e6;
    console.log(
      `embedded database process CPU: ${dbS.toFixed(2)} s = ${((dbS / seconds) * 100).toFixed(1)} % of one core`,
    );
  }
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  console.log(`target server process CPU (whole life): ${((report.cpu.user + report.cpu.system) / 1e6).toFixed(2)} s`);

  // Storage: roll up what the run wrote for 100 targets (as the health-rollups job would; a sample is
  // enough for bytes per rollup row), then measure.
  await rollupPendingMinutes({ maxBatches: 10_000, targetIds: targets.slice(0, 100).map((t) => t.id) });
  await printStorage(database.url, getEnv().STEWARD_HEALTH_RAW_RETENTION_DAYS);
});
