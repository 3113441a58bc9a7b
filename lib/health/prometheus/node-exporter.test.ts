// A third-party target: Debian's prometheus-node-exporter, scraped through the same SSRF-safe path
// as every Prometheus target. `.ci/run` installs it; elsewhere the test says it was skipped.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchVettedBody } from "../checks/http-check";
import { installLoopbackGuard, type LoopbackGuard } from "../checks/loopback-test-kit";
import { createScrape, deriveKpis, resolveKpiMapping } from "./prometheus";

const BINARY = ["/usr/bin/prometheus-node-exporter", "/usr/local/bin/node_exporter"].find((p) => existsSync(p));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.skipIf(!BINARY)(
  `prometheus-node-exporter (${BINARY ?? "not installed: apt-get install prometheus-node-exporter"})`,
  () => {
    let exporter: ChildProcess;
    let url: string;
    let guard: LoopbackGuard;

    beforeAll(async () => {
      guard = installLoopbackGuard();
      const port = await freePort();
      url = `http://127.0.0.1:${port}/metrics`;
      exporter = spawn(
        BINARY!,
        [
          `--web.listen-address=127.0.0.1:${port}`,
          "--collector.disable-defaults",
          "--collector.meminfo",
          "--collector.cpu",
          "--collector.loadavg",
        ],
        { stdio: "ignore" },
      );
      for (let attempt = 0; attempt < 60; attempt++) {
        if ((await fetchVettedBody({ url, timeoutMs: 1000, maxBodyBytes: 4 << 20 })).ok) return;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error(`node exporter did not answer on ${url}`);
    });

    afterAll(() => {
      exporter?.kill("SIGTERM");
      guard?.restore();
    });

    it("parses its whole exposition and derives memory use against a configured limit", async () => {
      const first = await fetchVettedBody({ url, timeoutMs: 5000, maxBodyBytes: 4 << 20 });
      expect(first.ok).toBe(true);
      const scrape = createScrape(first.body!.toString("utf8"), Date.now());
      const names = new Set(scrape.samples.map((s) => s.name));
      expect(names).toContain("node_memory_MemTotal_bytes");
      expect(names).toContain("node_cpu_seconds_total");
      const rss = scrape.samples.find((s) => s.name === "process_resident_memory_bytes")!.value;
      expect(rss).toBeGreaterThan(1_000_000);

      // The exporter's own RSS against a 1 GiB limit, as a target with memoryLimitBytes would see it.
      const kpis = deriveKpis(undefined, scrape, resolveKpiMapping({ memoryLimitBytes: 1 << 30 }));
      expect(kpis.memoryPct).toBeCloseTo((rss / (1 << 30)) * 100, 6);
      // No HTTP request counters on a node exporter: throughput and error rate stay unknown, not 0.
      expect(kpis.throughputRps).toBeUndefined();
      expect(kpis.errorRatePct).toBeUndefined();
      expect(guard.violations).toEqual([]);
    });
  },
);
