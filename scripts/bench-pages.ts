// `npm run bench:pages`: the server time of steward's main pages on a large data set. It builds
// 100,000 issues + pull requests (BENCH_ITEMS), 1,000 HTTP targets (BENCH_TARGETS) with 7 days of raw
// checks at 60 s (BENCH_RAW_DAYS; ~10M samples, COPY on PostgreSQL) and response times for the last
// day, 90 days of hour and day rollups, 200 incidents (BENCH_INCIDENTS) and a year of checklist runs;
// with BENCH_DATABASE=<name> or BENCH_REUSE=1 it keeps that data set in a persistent PostgreSQL
// database and reuses it (brought up to now) on the next run (scripts/bench/pages-dataset.ts). Prints
// the storage per raw sample; starts steward (worker off), signs in and requests each page
// BENCH_REPEAT (30) times cold, then warm, printing `<page> cold|warm: p50 N ms  p95 N ms` as each page
// is done (the whole HTML response, on loopback). Cold: each request to a URL not asked before where
// the page has one (another target, month or filter), so no cache of steward's holds the answer; warm:
// the same URL again and again. Then the sequential scans the requests caused, and Lighthouse, one run
// per main page, each bounded (BENCH_LIGHTHOUSE=0 skips it; BENCH_LIGHTHOUSE_PAGES="Today,Metrics" picks its pages).
// BENCH_PAGES="Metrics,Triage" times only those pages; BENCH_VERBOSE=1 prints each request's time.
import os from "node:os";
import { percentile } from "./bench/database";
import { printHeader } from "./bench/header";
import { openPagesDatabase } from "./bench/pages-dataset";
import { benchPages } from "./bench/pages-list";
import { printStorage } from "./bench/storage";
import { onExit, runBench } from "./bench/run";
import { signInBenchAdmin, startSteward } from "./bench/steward";
import { printSeqScans, seqScanSnapshot } from "./bench/seq-scans";

const size = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ITEMS = size("BENCH_ITEMS", 100_000);
const TARGETS = size("BENCH_TARGETS", 1000);
const RAW_DAYS = size("BENCH_RAW_DAYS", 7);
const ROLLUP_DAYS = size("BENCH_ROLLUP_DAYS", 90);
const INCIDENTS = size("BENCH_INCIDENTS", 200);
const REPEAT = Math.max(size("BENCH_REPEAT", 30), 1);
const LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE !== "0";
/** BENCH_VERBOSE=1 prints every timed request's URL and time (which requests make a page's p95). */
const VERBOSE = process.env.BENCH_VERBOSE === "1";
/** A request slower than this is cut off and counted at this time (so the page's line still prints). */
const REQUEST_TIMEOUT_MS = size("BENCH_REQUEST_TIMEOUT_S", 60) * 1000;
/** A page's cold (or warm) requests stop after this long, so one very slow page cannot hold up the rest. */
const PHASE_BUDGET_MS = size("BENCH_PAGE_BUDGET_S", 150) * 1000;

let timeouts = 0;
let requests = 0;
/** The failed requests of the page being timed (printed with its line, not counted in its times). */
let failures: string[] = [];
/** Milliseconds to the whole response; null when it was not a 200 (then noted in `failures`). */
async function timeGet(base: string, path: string, cookie: string): Promise<number | null> {
  requests++;
  const started = performance.now();
  try {
    const signal = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    const response = await fetch(base + path, { headers: { cookie }, redirect: "manual", signal });
    const body = await response.text();
    if (response.status !== 200) {
      failures.push(`GET ${path}: HTTP ${response.status} ${body.replace(/\s+/g, " ").slice(0, 200)}`);
      return null;
    }
  } catch (error) {
    if (!(error instanceof DOMException && error.name === "TimeoutError")) throw error;
    timeouts++;
    return REQUEST_TIMEOUT_MS;
  }
  return performance.now() - started;
}

const line = (name: string, samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const short =
    samples.length < REPEAT
      ? `  (${samples.length} of ${REPEAT} requests timed: the ${PHASE_BUDGET_MS / 1000} s budget ran out or some failed)`
      : "";
  const cut =
    short +
    (timeouts ? `  (${timeouts} cut off at ${REQUEST_TIMEOUT_MS / 1000} s)` : "") +
    (failures.length ? `  (${failures.length} failed, not counted; first: ${failures[0]})` : "");
  timeouts = 0;
  failures = [];
  console.log(
    `${name}: p50 ${Math.round(percentile(sorted, 50))} ms  p95 ${Math.round(percentile(sorted, 95))} ms${cut}`,
  );
};
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

await runBench("bench:pages", async () => {
  const dataSize = { items: ITEMS, targets: TARGETS, rawDays: RAW_DAYS, rollupDays: ROLLUP_DAYS, incidents: INCIDENTS };
  const database = await openPagesDatabase(dataSize);
  onExit("the benchmark database", () => database.stop());
  process.env.DATABASE_URL = database.url;
  await printHeader(
    `bench:pages — ${ITEMS.toLocaleString("en")} issues + PRs, ${TARGETS.toLocaleString("en")} HTTP targets with ${RAW_DAYS} d of raw checks at 60 s and ${ROLLUP_DAYS} d of rollups, ${INCIDENTS} incidents, a year of checklist runs; ${REPEAT} requests per page cold and warm`,
    database,
  );
  const { db } = await import("@/lib/db");
  onExit("the data connection", () => db.$disconnect());
  const { buildPagesData, refreshPagesData } = await import("./bench/pages-build");
  const targetIds = database.reusable
    ? await refreshPagesData(database, dataSize)
    : await buildPagesData(database, dataSize);
  await printStorage(database.url, 14);

  console.log("starting steward (scripts/start.ts; builds the web app first if the sources changed)…");
  const { base } = await startSteward(database.url);
  const cookie = await signInBenchAdmin(base);
  const only = process.env.BENCH_PAGES?.split(",").map((n) => n.trim().toLowerCase());
  const pages = benchPages(targetIds).filter((p) => !only || only.includes(p.name.toLowerCase()));
  for (const page of pages) await timeGet(base, page.warm, cookie); // opens connections, fills the code caches
  console.log(`timing ${pages.length} pages, ${REPEAT} cold then ${REPEAT} warm requests each; load average ${load()}`);

  const before = await seqScanSnapshot(database.url);
  requests = 0;
  const phase = async (url: (i: number) => string) => {
    const started = performance.now();
    const samples: number[] = [];
    for (let i = 0; i < REPEAT && performance.now() - started < PHASE_BUDGET_MS; i++) {
      const ms = await timeGet(base, url(i + 1), cookie);
      if (ms !== null) samples.push(ms);
      if (VERBOSE) console.log(`  ${url(i + 1)}: ${ms === null ? "failed" : `${Math.round(ms)} ms`}`);
    }
    return samples;
  };
  for (const page of pages) {
    line(`${page.name} cold`, await phase(page.cold));
    await timeGet(base, page.warm, cookie);
    line(`${page.name} warm`, await phase(() => page.warm));
  }
  console.log(`load average after the page timings: ${load()}`);
  await printSeqScans(database.url, before, requests);

  if (!LIGHTHOUSE) return;
  const { runLighthouseOnPages } = await import("./bench/lighthouse");
  // BENCH_LIGHTHOUSE_PAGES picks Lighthouse's pages apart from the timed ones (e.g. every main page, few timed).
  const lighthouseOnly = process.env.BENCH_LIGHTHOUSE_PAGES?.split(",").map((n) => n.trim().toLowerCase());
  const lighthousePages = lighthouseOnly
    ? benchPages(targetIds).filter((p) => lighthouseOnly.includes(p.name.toLowerCase()))
    : pages.filter((p) => p.lighthouse);
  await runLighthouseOnPages(base, lighthousePages, cookie);
  console.log(`load average at the end: ${load()}`);
});
