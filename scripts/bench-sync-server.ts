// The GitHub test server for `npm run bench:sync`, in a worker thread: its CPU time is GitHub's
// in real life, so it should not share the sync's event loop.
import { parentPort, workerData } from "node:worker_threads";
import { generateRepo, type GenerateRepoOptions, startGitHubTestServer, touchItems } from "@/lib/github/test-server";

const { repo: options, latencyMs } = workerData as { repo: GenerateRepoOptions; latencyMs: number };
const repo = generateRepo(options);
const server = await startGitHubTestServer({ repos: [repo], latencyMs });
const port = parentPort!;

const serverSeconds = () => server.stats.requests.reduce((n, r) => n + r.durationMs - latencyMs, 0) / 1000;

port.on("message", async (message: { type: "touch"; count: number } | { type: "stats" } | { type: "stop" }) => {
  if (message.type === "touch") {
    port.postMessage({ type: "backfill", serverSeconds: serverSeconds() });
    const step = Math.floor(repo.items.length / message.count);
    const numbers = repo.items.filter((_, i) => i % step === 7).slice(0, message.count).map((i) => i.number);
    touchItems(repo, numbers, new Date(Date.parse(repo.meta.now) + 3_600_000));
    server.stats.reset();
    port.postMessage({ type: "touched" });
  } else if (message.type === "stats") {
    port.postMessage({ type: "stats", requests: server.stats.requests.length, points: server.stats.totalPoints, invalid: server.stats.invalidQueries.length });
  } else {
    await server.stop();
    port.postMessage({ type: "stopped" });
  }
});
port.postMessage({ type: "ready", url: server.url });
