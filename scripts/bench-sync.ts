// `npm run bench:sync`: backfill a generated 20k-item repository (15k issues, 5k PRs) from the
// GitHub test server (in a worker thread) with 50 ms latency per request, then an incremental sync
// of 100 changed items. Uses DATABASE_URL when set (a scratch database: it writes rows), else an
// in-memory PGlite in this process.
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import { startEmbeddedPostgres } from "@/lib/embedded/pglite-server";
import { applyMigrations } from "@/lib/migrations/apply";

const LATENCY_MS = 50;
const ISSUES = Number(process.env.BENCH_ISSUES ?? 15_000);
const PULLS = Number(process.env.BENCH_PULLS ?? 5_000);
const NAME = "bench";

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres();
process.env.DATABASE_URL ??= embedded?.url;
await applyMigrations(process.env.DATABASE_URL!);
const { db } = await import("@/lib/db");
const { DEFAULT_PAGE_SIZES } = await import("@/lib/github/sync/items");
const { syncRepository } = await import("@/lib/github/sync/sync-repository");

// Worker threads do not inherit `--import tsx`: the worker registers tsx itself, then loads the server.
const entry = new URL("./bench-sync-server.ts", import.meta.url).href;
const server = new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, {
  eval: true,
  workerData: { repo: { owner: "acme", name: NAME, seed: 42, issues: ISSUES, pulls: PULLS, historyCommits: 100, databaseId: 1999 }, latencyMs: LATENCY_MS },
});
const ask = async <T>(message: object, answer: string): Promise<T> => {
  server.postMessage(message);
  for (;;) {
    const [reply] = (await once(server, "message")) as [{ type: string } & T];
    if (reply.type === answer) return reply;
  }
};
const [{ url }] = (await once(server, "message")) as [{ url: string }];
await db.githubRepository.deleteMany({ where: { key: `acme/${NAME}` } });
const repo = await db.githubRepository.create({ data: { owner: "acme", name: NAME, key: `acme/${NAME}` } });
const options = { trigger: "manual" as const, client: { token: "bench", baseUrl: url, reserve: 0, perMinute: 1_000_000 } };
try {
  const started = performance.now();
  const backfill = await syncRepository(repo.id, options);
  const seconds = (performance.now() - started) / 1000;
  if (backfill.status !== "succeeded") throw new Error(`backfill ${backfill.status}: ${backfill.error}`);
  const items = ISSUES + PULLS;
  // The fastest any client could go with these page sizes: one request per page, back to back.
  const minRequests = Math.ceil(ISSUES / DEFAULT_PAGE_SIZES.issues) + Math.ceil(PULLS / DEFAULT_PAGE_SIZES.pulls);
  const bound = items / ((minRequests * LATENCY_MS) / 1000);
  const { serverSeconds } = await ask<{ serverSeconds: number }>({ type: "touch", count: 100 }, "backfill");
  const incremental = await syncRepository(repo.id, options);
  const stats = await ask<{ requests: number; points: number; invalid: number }>({ type: "stats" }, "stats");

  const rate = items / seconds;
  const p = backfill.progress!;
  console.log(`database:                ${embedded ? "embedded PGlite (in this process)" : "PostgreSQL from DATABASE_URL"}`);
  console.log(`backfill:                ${items.toLocaleString("en-US")} issues + PRs in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} items/s (${p.requests} requests, ${LATENCY_MS} ms latency each)`);
  console.log(`latency-bound maximum:   ${bound.toFixed(0)} items/s (pages of ${DEFAULT_PAGE_SIZES.issues} issues / ${DEFAULT_PAGE_SIZES.pulls} PRs: ${minRequests} requests) → ratio ${(rate / bound).toFixed(2)}`);
  console.log(`                         test server's own work on the request path: ${serverSeconds.toFixed(1)} s; without it ${(items / (seconds - serverSeconds)).toFixed(0)} items/s, ratio ${(items / (seconds - serverSeconds) / bound).toFixed(2)}`);
  console.log(`GraphQL points:          ${p.pointsUsed} for the backfill = ${((1000 * p.pointsUsed) / items).toFixed(1)} per 1,000 items`);
  console.log(`incremental (100 items): ${stats.requests} requests, ${stats.points} points, ${incremental.progress?.changed} items changed (${incremental.status})`);
  if (stats.invalid) throw new Error(`${stats.invalid} queries GitHub would reject`);
} finally {
  await ask({ type: "stop" }, "stopped");
  await server.terminate();
  await db.$disconnect();
  await embedded?.stop();
}
