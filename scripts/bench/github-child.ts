// Benchmark helper process: the GitHub test server for `npm run bench:sync`, in its own process —
// its CPU time is GitHub's in real life, so it must not share the sync's event loop or core budget.
// Answers the parent's requests over IPC: touch N items (after reporting the backfill's figures),
// report request/point counts, stop.
import { generateRepo, type GenerateRepoOptions, startGitHubTestServer, touchItems } from "@/lib/github/test-server";

type Request = { type: "touch"; count: number } | { type: "stats" } | { type: "stop" };

const { repo: options, latencyMs } = JSON.parse(process.argv[2]!) as {
  repo: GenerateRepoOptions;
  latencyMs: number;
};
const repo = generateRepo(options);
const server = await startGitHubTestServer({ repos: [repo], latencyMs });
const send = (message: object) => process.send?.(message);

/** The server's own work on the request path (its handling time, without the simulated latency). */
const serverSeconds = () => server.stats.requests.reduce((n, r) => n + r.durationMs - latencyMs, 0) / 1000;
const stats = () => ({
  requests: server.stats.requests.length,
  points: server.stats.totalPoints,
  invalid: server.stats.invalidQueries.length,
  serverSeconds: serverSeconds(),
});

// The benchmark process went away (crashed or was interrupted): do not outlive it.
process.on("disconnect", () => process.exit(0));
process.on("message", (message: Request) => {
  if (message.type === "touch") {
    const backfill = stats();
    // Spread the changes over the repository; works for small repositories too.
    const step = Math.max(1, Math.floor(repo.items.length / message.count));
    const numbers = repo.items
      .filter((_, i) => i % step === Math.min(7, step - 1))
      .slice(0, message.count)
      .map((i) => i.number);
    touchItems(repo, numbers, new Date(Date.parse(repo.meta.now) + 3_600_000));
    server.stats.reset();
    send({ ...backfill, touched: numbers.length });
  } else if (message.type === "stats") {
    send(stats());
  } else {
    void server.stop().finally(() => process.exit(0));
  }
});
send({ url: server.url });
