// Benchmark helper process: a fresh embedded PGlite on a free loopback port, in its own process.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedPostgres } from "@/lib/embedded/pglite-server";

const dir = mkdtempSync(join(tmpdir(), "steward-bench-"));
const database = await startEmbeddedPostgres({ dataDir: dir });
// The benchmark process went away (crashed or was interrupted): do not outlive it.
process.on("disconnect", () => process.exit(0));
process.send?.({ url: database.url });
process.on("message", (message) => {
  if (message === "cpu") process.send?.(process.cpuUsage());
  if (message === "stop") {
    void database.stop().finally(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  }
});
