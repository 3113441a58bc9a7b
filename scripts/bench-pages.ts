// `npm run bench:pages`: the server time of steward's main pages on a large data set. It builds
// 100,000 issues + pull requests (BENCH_ITEMS), 1,000 HTTP targets (BENCH_TARGETS) with 7 days of raw
// checks at 60 s (BENCH_RAW_DAYS; ~10M samples, COPY on PostgreSQL) and 90 days of hour and day
// rollups, 200 incidents (BENCH_INCIDENTS) and a year of checklist runs; prints the storage per raw
// sample; starts steward (worker off), signs in and requests each page BENCH_REPEAT (30) times cold,
// then warm, printing `<page> cold|warm: p50 N ms  p95 N ms` (the whole HTML response, on loopback).
// Cold: requests go round-robin over the pages, each to a URL not asked before where the page has
// one (another target, month or filter), so no cache of steward's holds the answer; warm: the same
// URL again and again. Then the sequential scans the requests caused, and Lighthouse (BENCH_LIGHTHOUSE=0 skips it).
import { percentile, startBenchDatabase } from "./bench/database";
import { printHeader } from "./bench/header";
import { insertMetricsData } from "./bench/metrics-data";
import { insertHealthData } from "./bench/pages-data";
import { printStorage } from "./bench/storage";
import { BenchError, onExit, runBench } from "./bench/run";
import { signInFirstAdmin, startSteward } from "./bench/steward";
import { printSeqScans, seqScanSnapshot } from "./bench/seq-scans";

const size = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ITEMS = size("BENCH_ITEMS", 100_000);
const TARGETS = size("BENCH_TARGETS", 1000);
const RAW_DAYS = size("BENCH_RAW_DAYS", 7);
const ROLLUP_DAYS = size("BENCH_ROLLUP_DAYS", 90);
const INCIDENTS = size("BENCH_INCIDENTS", 200);
const REPEAT = Math.max(size("BENCH_REPEAT", 30), 1);
const LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE !== "0";

type Page = { name: string; cold: (i: number) => string; warm: string; lighthouse?: boolean };

function pagesFor(targetIds: string[]): Page[] {
  const now = new Date();
  const month = (i: number) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (i % 13), 1));
    return d.toISOString().slice(0, 7);
  };
  const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"];
  const triageTabs = ["needs_triage", "overdue", "stale", "all"];
  const target = (i: number) => targetIds[i % targetIds.length]!;
  const same = (url: string) => () => url;
  return [
    { name: "Today", cold: same("/today"), warm: "/today", lighthouse: true },
    {
      name: "Triage",
      cold: (i) => `/triage?tab=${triageTabs[i % 4]}&type=${i % 8 < 4 ? "issue" : "pull_request"}`,
      warm: "/triage",
      lighthouse: true,
    },
    {
      name: "Metrics",
      cold: (i) => `/kpis?month=${month(i)}&tz=${encodeURIComponent(zones[Math.floor(i / 13) % 4]!)}`,
      warm: "/kpis",
      lighthouse: true,
    },
    { name: "Health overview", cold: same("/health"), warm: "/health", lighthouse: true },
    {
      name: "Health target 30d",
      cold: (i) => `/health/${target(i)}?range=30d`,
      warm: `/health/${targetIds[0]}?range=30d`,
      lighthouse: true,
    },
    {
      name: "Health target 90d",
      cold: (i) => `/health/${target(i + 500)}?range=90d`,
      warm: `/health/${targetIds[0]}?range=90d`,
    },
    { name: "Incidents", cold: same("/incidents"), warm: "/incidents", lighthouse: true },
    { name: "Repositories", cold: same("/repositories"), warm: "/repositories", lighthouse: true },
    {
      name: "Repository overview",
      cold: same("/repositories/bench/metrics"),
      warm: "/repositories/bench/metrics",
      lighthouse: true,
    },
  ];
}

async function timeGet(base: string, path: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(base + path, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new BenchError(`GET ${path}: HTTP ${response.status} ${body.slice(0, 300)}`);
  return elapsed;
}

const line = (name: string, samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(`${name}: p50 ${Math.round(percentile(sorted, 50))} ms  p95 ${Math.round(percentile(sorted, 95))} ms`);
};

await runBench("bench:pages", async () => {
  const database = await startBenchDatabase();
  onExit("the benchmark database", () => database.stop());
  process.env.DATABASE_URL = database.url;
  await printHeader(
    `bench:pages — ${ITEMS.toLocaleString("en")} issues + PRs, ${TARGETS.toLocaleString("en")} HTTP targets with ${RAW_DAYS} d of raw checks at 60 s and ${ROLLUP_DAYS} d of rollups, ${INCIDENTS} incidents, a year of checklist runs; ${REPEAT} requests per page cold and warm`,
    database,
  );
  const { db } = await import("@/lib/db");
  onExit("the data connection", () => db.$disconnect());
  const { insertChecklistYear, insertIncidents } = await import("./bench/pages-records");
  let t = performance.now();
  const lap = () => {
    const s = ((performance.now() - t) / 1000).toFixed(1);
    t = performance.now();
    return `${s} s`;
  };
  const repo = await db.githubRepository.create({
    data: { owner: "bench", name: "metrics", key: "bench/metrics", defaultBranch: "main" },
  });
  await insertMetricsData(database.url, repo.id, ITEMS);
  console.log(`data: ${ITEMS.toLocaleString("en")} issues + PRs with comments, reviews, events, CI (${lap()})`);
  const health = await insertHealthData(
    database.url,
    { targets: TARGETS, rawDays: RAW_DAYS, rollupDays: ROLLUP_DAYS },
    database.embedded,
  );
  console.log(
    `data: ${TARGETS.toLocaleString("en")} targets, ${health.samples.toLocaleString("en")} raw samples (${database.embedded ? "INSERT … SELECT generate_series" : "COPY … FROM STDIN"}), ${health.rollups.toLocaleString("en")} hour/day rollups (${lap()})`,
  );
  await insertIncidents(INCIDENTS, health.targetIds, new Date());
  const runs = await insertChecklistYear(new Date());
  console.log(`data: ${INCIDENTS} incidents, ${runs.toLocaleString("en")} checklist runs over a year (${lap()})`);
  await printStorage(database.url, 14);

  console.log("starting steward (scripts/start.ts; builds the web app first if the sources changed)…");
  const { base } = await startSteward(database.url);
  const cookie = await signInFirstAdmin(base);
  const pages = pagesFor(health.targetIds);
  for (const page of pages) await timeGet(base, page.warm, cookie); // compiles nothing (production build), but opens connections

  const before = await seqScanSnapshot(database.url);
  const cold = new Map(pages.map((p) => [p.name, [] as number[]]));
  for (let i = 0; i < REPEAT; i++)
    for (const page of pages) cold.get(page.name)!.push(await timeGet(base, page.cold(i + 1), cookie));
  const warm = new Map(pages.map((p) => [p.name, [] as number[]]));
  for (const page of pages) {
    await timeGet(base, page.warm, cookie);
    for (let i = 0; i < REPEAT; i++) warm.get(page.name)!.push(await timeGet(base, page.warm, cookie));
  }
  for (const page of pages) {
    line(`${page.name} cold`, cold.get(page.name)!);
    line(`${page.name} warm`, warm.get(page.name)!);
  }
  await printSeqScans(database.url, before, pages.length * (2 * REPEAT + 1));

  if (!LIGHTHOUSE) return;
  const { openChrome, runLighthouse } = await import("./bench/lighthouse");
  const chrome = await openChrome();
  onExit("Chromium", () => chrome.kill());
  for (const page of pages.filter((p) => p.lighthouse)) {
    const { score, lcpMs } = await runLighthouse(chrome.port, base + page.warm, cookie);
    console.log(`lighthouse ${page.name}: performance ${score ?? "?"}  LCP ${lcpMs ?? "?"} ms`);
  }
});
