// `npm run bench:metrics`: 100,000 issues + pull requests (BENCH_ITEMS) inserted into a fresh
// database, then the server time of the KPI API (its route handler, called as Next.js calls it)
// and of the Metrics page's data (getMetricsView: everything the page reads), cold and warm.
// Cold: a different month each time with the KPI cache emptied first (everything computed in the
// database); warm: the same month again after a first request (the cache serves it while the data
// is unchanged).
// The bench rows are inserted directly, so their item facts are built once after (timed, printed).
// Database: DATABASE_URL's PostgreSQL (a fresh <db>_bench) or a fresh embedded PGlite.
import { NextRequest } from "next/server";
import { percentile, startBenchDatabase } from "./bench/database";
import { insertMetricsData } from "./bench/metrics-data";

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const WARM = Number(process.env.BENCH_REPEAT ?? 20);

const database = await startBenchDatabase();
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { generateApiToken } = await import("@/lib/auth/tokens");
const { GET } = await import("@/app/api/v1/kpis/route");
const { getMetricsView } = await import("@/lib/metrics/queries");
const { clearKpiCache } = await import("@/lib/metrics/cache");
const { addMonths, monthOf } = await import("@/lib/metrics/window");
const { rebuildItemFacts } = await import("@/lib/metrics/facts/refresh");

try {
  console.log(
    `bench:metrics — ${ITEMS.toLocaleString("en-US")} issues + pull requests; database: ${database.description}`,
  );
  const repo = await db.githubRepository.create({
    data: { owner: "bench", name: "metrics", key: "bench/metrics", defaultBranch: "main" },
  });
  const started = performance.now();
  await insertMetricsData(database.url, repo.id, ITEMS);
  console.log(`data inserted in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Rows inserted directly, not by the sync: build their facts the way the migration backfills them.
  const factsStarted = performance.now();
  const facts = await rebuildItemFacts(db);
  await db.$executeRawUnsafe(`ANALYZE "GithubItemFact"`);
  console.log(
    `item facts built for ${facts.toLocaleString("en-US")} items in ${((performance.now() - factsStarted) / 1000).toFixed(1)} s`,
  );
  const { token, prefix, tokenHash } = generateApiToken();
  await db.apiToken.create({ data: { name: "bench", role: "viewer", prefix, tokenHash } });

  const thisMonth = monthOf(new Date(), "UTC");
  const months = Array.from({ length: 12 }, (_, i) => addMonths(thisMonth, -i - 1));
  const api = async (month: string) => {
    const t = performance.now();
    const response = await GET(
      new NextRequest(`http://127.0.0.1/api/v1/kpis?repo=bench/metrics&month=${month}&tz=Europe/Berlin`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      {},
    );
    if (response.status !== 200) throw new Error(`API answered ${response.status}: ${await response.text()}`);
    await response.json();
    return performance.now() - t;
  };
  const page = async (month: string) => {
    const t = performance.now();
    await getMetricsView({ repo: "bench/metrics", period: { kind: "month", month }, tz: "Europe/Berlin" });
    return performance.now() - t;
  };
  const line = (name: string, samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    console.log(`${name}: p50 ${Math.round(percentile(sorted, 50))} ms  p95 ${Math.round(percentile(sorted, 95))} ms`);
  };
  const cold = { api: [] as number[], page: [] as number[] };
  for (const [i, m] of months.entries()) {
    clearKpiCache();
    cold.page.push(await page(m));
    clearKpiCache();
    cold.api.push(await api(months[(i + 6) % 12]!));
    console.log(`  cold ${m}: page ${Math.round(cold.page.at(-1)!)} ms, api ${Math.round(cold.api.at(-1)!)} ms`);
  }
  const warm = { api: [] as number[], page: [] as number[] };
  await page(months[0]!); // the first request computes; warm ones follow it
  await api(months[0]!);
  for (let i = 0; i < WARM; i++) {
    warm.page.push(await page(months[0]!));
    warm.api.push(await api(months[0]!));
  }
  line("page cold", cold.page);
  line("page warm", warm.page);
  line("api cold", cold.api);
  line("api warm", warm.api);
} finally {
  await db.$disconnect();
  await database.stop();
}
