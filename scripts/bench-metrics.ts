// `npm run bench:metrics`: server time of the KPI API (its route handler, called as Next.js calls
// it) and of the Metrics page's data (getMetricsView: everything the page reads), cold and warm,
// over BENCH_ITEMS issues + pull requests (default 100,000 on PostgreSQL, 10,000 on PGlite).
// Cold: a different month or time zone each time (12 months × 3 zones = 36 requests), nothing stored
// (in-process cache and stored KPI windows emptied: the first view after a facts rebuild, or in a new
// time zone). After a sync: the same 36, the in-process cache emptied and the stored windows of the
// last day dropped, as a sync that changed today's items does. Warm: the same month again.
// One untimed page and API call come first: a server answers from a warmed-up process (compiled
// Prisma queries, JIT), and the first request after a start is not what a lead waits for each month.
// PostgreSQL (DATABASE_URL set): the data set lives in the persistent database `metrics_bench`
// (BENCH_DB) and is reused when it holds BENCH_ITEMS bench items (BENCH_FRESH=1 rebuilds it);
// migrations and the derived tables (item facts, triage outcomes) are refreshed on every run.
// PGlite (no DATABASE_URL): a fresh embedded database in a child process, filled each run.
import { NextRequest } from "next/server";
import os from "node:os";
import pg from "pg";
import { openReusableBenchDatabase, percentile } from "./bench/database";
import { openCpuMeter } from "./bench/cpu";
import { printHeader } from "./bench/header";
import { insertMetricsData } from "./bench/metrics-data";

const onPostgres = Boolean(process.env.DATABASE_URL);
const ITEMS = Number(process.env.BENCH_ITEMS ?? (onPostgres ? 100_000 : 10_000));
const WARM = Number(process.env.BENCH_REPEAT ?? 20);
const NAME = process.env.BENCH_DB ?? "metrics_bench";
const ZONES = ["Europe/Berlin", "America/New_York", "Asia/Tokyo"];

async function benchItems(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "GithubItem" i JOIN "GithubRepository" r ON r.id = i."repoId" WHERE r.key = 'bench/metrics'`,
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

let database = await openReusableBenchDatabase(NAME, process.env.BENCH_FRESH === "1");
const reuse = database.existed && (await benchItems(database.url)) === ITEMS;
if (database.existed && !reuse) database = await openReusableBenchDatabase(NAME, true); // another size: start over
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { generateApiToken } = await import("@/lib/auth/tokens");
const { GET } = await import("@/app/api/v1/kpis/route");
const { getMetricsView } = await import("@/lib/metrics/queries");
const { clearKpiCache } = await import("@/lib/metrics/cache");
const { addMonths, monthOf, monthWindow, trailingMonths } = await import("@/lib/metrics/window");
const { rebuildItemFacts } = await import("@/lib/metrics/facts/refresh");
const { clearItemWindows, invalidateItemWindows } = await import("@/lib/metrics/facts/windows");
const { rebuildTriageOutcomes } = await import("@/lib/triage/outcomes");
const { timeParts } = await import("./bench/metrics-parts");

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

try {
  await printHeader(`bench:metrics — ${ITEMS.toLocaleString("en-US")} issues + pull requests`, database);
  let repo = await db.githubRepository.findUnique({ where: { key: "bench/metrics" } });
  if (!reuse || !repo) {
    repo = await db.githubRepository.create({
      data: { owner: "bench", name: "metrics", key: "bench/metrics", defaultBranch: "main" },
    });
    const started = performance.now();
    await insertMetricsData(database.url, repo.id, ITEMS);
    console.log(`data inserted in ${seconds(started)}`);
  } else console.log(`data reused from ${NAME} (BENCH_FRESH=1 rebuilds it)`);
  // Rows inserted directly, not by the sync: build their derived rows the way the sync keeps them.
  let started = performance.now();
  const facts = await rebuildItemFacts(db);
  console.log(`item facts rebuilt for ${facts.toLocaleString("en-US")} items in ${seconds(started)}`);
  started = performance.now();
  const outcomes = await rebuildTriageOutcomes({ id: repo.id, key: repo.key });
  console.log(`triage outcomes rebuilt for ${outcomes.toLocaleString("en-US")} items in ${seconds(started)}`);
  // What autovacuum does after a bulk write on a default PostgreSQL (it is off on some machines, e.g. CI
  // images): statistics, and the visibility map the KPI queries' index-only scans rely on.
  await db.$executeRawUnsafe(`VACUUM ANALYZE "GithubItem", "GithubItemFact", "TriageOutcome"`);
  await db.$executeRawUnsafe(`ANALYZE`);
  const { token, prefix, tokenHash } = generateApiToken();
  await db.apiToken.create({ data: { name: "bench", role: "viewer", prefix, tokenHash } });

  const thisMonth = monthOf(new Date(), "UTC");
  const months = Array.from({ length: 12 }, (_, i) => addMonths(thisMonth, -i - 1));
  console.log(`parts of one cold page (${months[0]}, Europe/Berlin), each timed alone:`);
  clearKpiCache();
  await timeParts(
    [repo.id],
    trailingMonths(months[0]!, 12).map((m) => monthWindow(m, "Europe/Berlin")),
  );

  // Warm-up, untimed, in a zone not measured below; then nothing of it is kept.
  await getMetricsView({ repo: "bench/metrics", period: { kind: "month", month: months[0]! }, tz: "UTC" });
  clearKpiCache();
  await clearItemWindows(db);

  const meter = onPostgres ? await openCpuMeter(database.url) : null;
  const cpu = { api: [] as number[], page: [] as number[] };
  const timed = async (kind: "api" | "page", fn: () => Promise<void>) => {
    const before = await meter?.read();
    const t = performance.now();
    await fn();
    const ms = performance.now() - t;
    if (meter && before !== undefined) cpu[kind].push((await meter.read()) - before);
    return ms;
  };
  const api = (month: string, tz: string) =>
    timed("api", async () => {
      const response = await GET(
        new NextRequest(`http://127.0.0.1/api/v1/kpis?repo=bench/metrics&month=${month}&tz=${tz}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
        {},
      );
      if (response.status !== 200) throw new Error(`API answered ${response.status}: ${await response.text()}`);
      await response.json();
    });
  const page = (month: string, tz = "Europe/Berlin") =>
    timed("page", async () => {
      await getMetricsView({ repo: "bench/metrics", period: { kind: "month", month }, tz });
    });
  const line = (name: string, samples: number[], used: number[] = []) => {
    const sorted = [...samples].sort((a, b) => a - b);
    const cpuSorted = [...used].sort((a, b) => a - b);
    const cpuText = used.length ? `  CPU p50 ${Math.round(percentile(cpuSorted, 50))} ms` : "";
    console.log(
      `${name}: p50 ${Math.round(percentile(sorted, 50))} ms  p95 ${Math.round(percentile(sorted, 95))} ms  (n = ${samples.length})${cpuText}`,
    );
  };
  const nothingStored = async () => {
    clearKpiCache();
    await clearItemWindows(db);
  };
  const afterSync = async () => {
    clearKpiCache();
    await invalidateItemWindows(db, repo.id, new Date(Date.now() - 86_400_000));
  };
  const series = async (name: string, before: () => Promise<void>) => {
    const out = { api: [] as number[], page: [] as number[] };
    cpu.api = [];
    cpu.page = [];
    for (const tz of ZONES) {
      for (const [i, m] of months.entries()) {
        await before();
        out.page.push(await page(m, tz));
        await before();
        out.api.push(await api(months[(i + 6) % 12]!, tz));
        const used = meter
          ? ` (CPU: page ${Math.round(cpu.page.at(-1)!)} ms, api ${Math.round(cpu.api.at(-1)!)} ms)`
          : "";
        console.log(
          `  ${name} ${m} ${tz}: page ${Math.round(out.page.at(-1)!)} ms, api ${Math.round(out.api.at(-1)!)} ms${used}`,
        );
      }
    }
    return { ...out, cpu: { api: [...cpu.api], page: [...cpu.page] } };
  };
  const cold = await series("cold", nothingStored);
  for (const tz of ZONES) for (const m of months) await page(m, tz); // every window stored, as after normal use
  const synced = await series("after a sync", afterSync);
  const warm = { api: [] as number[], page: [] as number[], cpu };
  await page(months[0]!); // the first request computes; warm ones follow it
  await api(months[0]!, "Europe/Berlin");
  cpu.api = [];
  cpu.page = [];
  for (let i = 0; i < WARM; i++) {
    warm.page.push(await page(months[0]!));
    warm.api.push(await api(months[0]!, "Europe/Berlin"));
  }
  console.log(
    `load average now: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  line("page cold (nothing stored)", cold.page, cold.cpu.page);
  line("page after a sync         ", synced.page, synced.cpu.page);
  line("page warm                 ", warm.page, warm.cpu.page);
  line("api cold (nothing stored) ", cold.api, cold.cpu.api);
  line("api after a sync          ", synced.api, synced.cpu.api);
  line("api warm                  ", warm.api, warm.cpu.api);
  await meter?.close();
} finally {
  await db.$disconnect();
  await database.stop();
}
