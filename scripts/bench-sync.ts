// `npm run bench:sync`: backfill a generated 20k-item repository (15k issues, 5k PRs) from the
// GitHub test server (in its own process) with 50 ms latency per request, then an incremental sync
// of 100 changed items. Database: DATABASE_URL's PostgreSQL (a fresh <db>_bench) or a fresh embedded
// PGlite in a child process. Prints the GitHub-bound share: the time this process spent waiting for
// GitHub's answers (request sent → whole body received, overlapping requests counted once) ÷ the
// backfill's wall time.
import type { ChildProcess } from "node:child_process";
import { forkChild, startBenchDatabase } from "./bench/database";
import { printHeader } from "./bench/header";
import { BenchError, onExit, runBench } from "./bench/run";
import { coveredMs, idleBreakdown, type LabelledSpan, type Span } from "./bench/spans";

const LATENCY_MS = 50;
const ISSUES = Number(process.env.BENCH_ISSUES ?? 15_000);
const PULLS = Number(process.env.BENCH_PULLS ?? 5_000);
const CHANGES = 100;
const NAME = "bench";

type Stats = {
  requests: number;
  points: number;
  invalid: number;
  serverSeconds: number;
};

function request<T>(child: ChildProcess, message: object): Promise<T> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) =>
      reject(new BenchError(`the GitHub test server exited (${code}) while asked ${JSON.stringify(message)}`));
    child.once("exit", exited);
    child.once("message", (answer) => {
      child.off("exit", exited);
      resolve(answer as T);
    });
    child.send(message);
  });
}

/** Wraps fetch to record when this process waited for answers from `origin` (until the whole body arrived). */
function recordWaits(origin: string): LabelledSpan[] {
  const spans: LabelledSpan[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(origin)) return original(input, init);
    const started = performance.now();
    const body = typeof init?.body === "string" ? init.body : "";
    const label = /query (\w+)/.exec(body)?.[1] ?? "?";
    try {
      const response = await original(input, init);
      const body = await response.arrayBuffer();
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } finally {
      spans.push({ from: started, to: performance.now(), label });
    }
  };
  onExit("the fetch recorder", () => {
    globalThis.fetch = original;
  });
  return spans;
}

/** A statement's label: the table a raw statement writes or reads (or the model call), for the per-statement totals. */
function statementLabel(property: string, args: unknown[]): string {
  const sql = typeof args[0] === "string" ? args[0].replace(/\s+/g, " ") : "";
  if (!sql) return property;
  const verb = /^\s*(WITH .*?\)\s*)?(\w+)/i.exec(sql)?.[2]?.toUpperCase() ?? "SQL";
  const table = /(?:INTO|FROM|UPDATE)\s+"(\w+)"/i.exec(sql)?.[1] ?? "?";
  return `${verb} ${table}`;
}

/**
 * The database client with its transactions (the sync's page writes) recorded as spans, and the
 * time of each statement inside them summed by statement (raw SQL by verb and table, model calls by name).
 */
function recordTransactions<T extends object>(db: T & { $transaction: (...args: never[]) => Promise<unknown> }) {
  const spans: Span[] = [];
  const statements = new Map<string, { ms: number; count: number }>();
  const time = async <R>(label: string, run: () => Promise<R>): Promise<R> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      const entry = statements.get(label) ?? { ms: 0, count: 0 };
      entry.ms += performance.now() - started;
      entry.count++;
      statements.set(label, entry);
    }
  };
  const timedTx = (tx: object, model?: string): object =>
    new Proxy(tx, {
      get(target, property) {
        const value = Reflect.get(target, property) as unknown;
        if (typeof property !== "string") return value;
        if (typeof value === "function")
          return (...args: unknown[]) =>
            time(model ? `${model}.${property}` : statementLabel(property, args), () =>
              (value as (...a: unknown[]) => Promise<unknown>).apply(target, args),
            );
        if (value && typeof value === "object" && !model) return timedTx(value, property);
        return value;
      },
    });
  const timed = new Proxy(db, {
    get(target, property) {
      if (property !== "$transaction") return Reflect.get(target, property) as unknown;
      return async (work: (tx: object) => Promise<unknown>, ...rest: unknown[]) => {
        const started = performance.now();
        try {
          return await (target.$transaction as (...a: unknown[]) => Promise<unknown>)(
            (tx: object) => work(timedTx(tx)),
            ...rest,
          );
        } finally {
          spans.push([started, performance.now()]);
        }
      };
    },
  });
  return { timed, spans, statements };
}

await runBench("bench:sync", async () => {
  const database = await startBenchDatabase();
  onExit("the benchmark database", () => database.stop());
  process.env.DATABASE_URL = database.url;
  if (database.embedded) process.env.STEWARD_EMBEDDED_DATABASE = "true"; // as `npm start` sets it: no cross-process token lock
  await printHeader(
    `bench:sync — backfill of ${ISSUES.toLocaleString("en-US")} issues + ${PULLS.toLocaleString("en-US")} PRs at ${LATENCY_MS} ms latency per request, then an incremental sync of ${CHANGES} changes`,
    database,
  );

  const repoOptions = {
    owner: "acme",
    name: NAME,
    seed: 42,
    issues: ISSUES,
    pulls: PULLS,
    historyCommits: 100,
    databaseId: 1999,
  };
  const { child: server, first } = await forkChild<{ url: string }>("./github-child.ts", [
    JSON.stringify({ repo: repoOptions, latencyMs: LATENCY_MS }),
  ]);
  onExit("the GitHub test server", async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.send({ type: "stop" });
    await exited;
  });
  // Imported after DATABASE_URL is set: the database client reads it on first use.
  const { db } = await import("@/lib/db");
  onExit("the database client", () => db.$disconnect());
  const { closeTokenLocks } = await import("@/lib/github/token-lock");
  onExit("the GitHub token lock", () => closeTokenLocks());
  const { DEFAULT_PAGE_SIZES } = await import("@/lib/github/sync/items");
  const { syncRepository } = await import("@/lib/github/sync/sync-repository");

  const waits = recordWaits(first.url);
  const writes = recordTransactions(db);
  const repo = await db.githubRepository.create({
    data: { owner: "acme", name: NAME, key: `acme/${NAME}` },
  });
  const options = {
    trigger: "manual" as const,
    db: writes.timed,
    client: {
      token: "bench",
      baseUrl: first.url,
      reserve: 0,
      perMinute: 1_000_000,
    },
  };

  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const backfill = await syncRepository(repo.id, options);
  const ended = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  const statements = [...writes.statements].map(([label, t]) => ({ label, ...t })).sort((a, b) => b.ms - a.ms);
  if (backfill.status !== "succeeded") throw new BenchError(`backfill ${backfill.status}: ${backfill.error}`);
  const seconds = (ended - started) / 1000;
  const waitSpans = waits.map((w): Span => [w.from, w.to]);
  const waited = coveredMs(waitSpans, started, ended) / 1000;
  const idle = idleBreakdown(waits, writes.spans, started, ended);
  // BENCH_TIMELINE=<file>: every request and page transaction as [start, end] ms after the backfill began.
  if (process.env.BENCH_TIMELINE) {
    const { writeFile } = await import("node:fs/promises");
    const at = (ms: number) => Math.round((ms - started) * 10) / 10;
    await writeFile(
      process.env.BENCH_TIMELINE,
      JSON.stringify({
        wallMs: at(ended),
        requests: waits.map((w) => [at(w.from), at(w.to), w.label]),
        transactions: writes.spans.map(([a, b]) => [at(a), at(b)]),
      }),
    );
  }
  const writing = coveredMs(writes.spans, started, ended) / 1000;
  const busy = coveredMs([...waitSpans, ...writes.spans], started, ended) / 1000;
  const items = ISSUES + PULLS;
  // The fastest any client could go with these page sizes: one request per page, back to back.
  const minRequests = Math.ceil(ISSUES / DEFAULT_PAGE_SIZES.issues) + Math.ceil(PULLS / DEFAULT_PAGE_SIZES.pulls);
  const bound = items / ((minRequests * LATENCY_MS) / 1000);
  const atBackfill = await request<Stats & { touched: number }>(server, {
    type: "touch",
    count: CHANGES,
  });
  const incremental = await syncRepository(repo.id, options);
  if (incremental.status !== "succeeded")
    throw new BenchError(`incremental sync ${incremental.status}: ${incremental.error}`);
  const after = await request<Stats>(server, { type: "stats" });

  const rate = items / seconds;
  const p = backfill.progress!;
  const per1000 = (n: number) => ((1000 * n) / items).toFixed(1);
  console.log(
    `\nbackfill:                ${items.toLocaleString("en-US")} issues + PRs in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} items/s (${p.requests} requests, ${LATENCY_MS} ms latency each)`,
  );
  console.log(
    `GitHub-bound share: ${(waited / seconds).toFixed(2)} (waiting for GitHub's answers ${waited.toFixed(1)} s of ${seconds.toFixed(1)} s wall time)`,
  );
  console.log(
    `writing pages:           ${writing.toFixed(1)} s in database transactions; neither waiting for GitHub nor writing ${(seconds - busy).toFixed(1)} s; this process's CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
  );
  const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `no request in flight:    ${sec(idle.startMs)} before the first, ${sec(idle.betweenMs)} in ${idle.betweenCount} gaps between requests (${sec(idle.betweenWritingMs)} of it inside page transactions), ${sec(idle.tailMs)} after the last answer`,
  );
  console.log(
    `longest gaps:            ${idle.longest.map((g) => `${g.ms.toFixed(0)} ms at ${sec(g.atMs)} before ${g.next}`).join(", ")}`,
  );
  console.log(
    `latency-bound maximum:   ${bound.toFixed(0)} items/s (pages of ${DEFAULT_PAGE_SIZES.issues} issues / ${DEFAULT_PAGE_SIZES.pulls} PRs: ${minRequests} requests) → ratio ${(rate / bound).toFixed(2)}`,
  );
  console.log(
    `test server's own work:  ${atBackfill.serverSeconds.toFixed(1)} s of the backfill (in its own process; inside the wait above)`,
  );
  console.log(`requests per 1,000 items: ${per1000(p.requests)}`);
  console.log(`points per 1,000 items:   ${per1000(p.pointsUsed)} (${p.pointsUsed} GraphQL points for the backfill)`);
  console.log(
    `incremental (${atBackfill.touched} changed items): ${after.requests} requests, ${after.points} points, ${incremental.progress?.changed} items changed`,
  );
  console.log(
    `inside transactions:     ${statements
      .slice(0, 8)
      .map((t) => `${t.label} ${(t.ms / 1000).toFixed(1)} s (${t.count}×)`)
      .join(", ")}`,
  );
  if (atBackfill.invalid + after.invalid)
    throw new BenchError(`${atBackfill.invalid + after.invalid} queries GitHub would reject`);
});
