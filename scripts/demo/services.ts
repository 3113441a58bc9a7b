// Fake services the demo checks for real, on loopback: healthy, slow, flapping, down, and one that serves a
// Prometheus exposition (request counters, a latency histogram, memory and a circuit-breaker gauge).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type DemoService = { key: "healthy" | "slow" | "flapping" | "down" | "metrics"; url: string };

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** A service under steady load: counters grow with time, so scrapes see real rates. */
function exposition(now: number, started: number): string {
  const s = (now - started) / 1000;
  const rps = 1200 + 300 * Math.sin(now / 600_000);
  const total = Math.round(s * rps) + 5_000_000;
  const errors = Math.round(total * 0.002);
  const client = Math.round(total * 0.01);
  const lines = [
    "# HELP http_requests_total Requests by status code.",
    "# TYPE http_requests_total counter",
    `http_requests_total{code="200"} ${total - errors - client}`,
    `http_requests_total{code="404"} ${client}`,
    `http_requests_total{code="503"} ${errors}`,
    "# HELP http_request_duration_seconds Request latency.",
    "# TYPE http_request_duration_seconds histogram",
  ];
  // Most requests take 20-80 ms, a tail up to a second.
  const share = [0.02, 0.08, 0.35, 0.75, 0.96, 0.99, 0.997, 0.999, 0.9997, 1];
  BUCKETS.forEach((le, i) =>
    lines.push(`http_request_duration_seconds_bucket{le="${le}"} ${Math.round(total * share[i]!)}`),
  );
  lines.push(
    `http_request_duration_seconds_bucket{le="+Inf"} ${total}`,
    `http_request_duration_seconds_sum ${(total * 0.061).toFixed(3)}`,
    `http_request_duration_seconds_count ${total}`,
  );
  const memory = Math.round((620 + 60 * Math.sin(now / 900_000)) * 1024 * 1024);
  lines.push(
    "# HELP process_resident_memory_bytes Resident memory.",
    "# TYPE process_resident_memory_bytes gauge",
    `process_resident_memory_bytes ${memory}`,
  );
  // The payments breaker half-opens for two minutes every half hour.
  const halfOpen = Math.floor(now / 60_000) % 30 < 2 ? 2 : 0;
  lines.push(
    "# HELP circuit_breaker_state 0 closed, 1 open, 2 half-open.",
    "# TYPE circuit_breaker_state gauge",
    `circuit_breaker_state{name="payments"} ${halfOpen}`,
    `circuit_breaker_state{name="search"} 0`,
  );
  return `${lines.join("\n")}\n`;
}

/** Down for two minutes in every ten. */
export const flappingDown = (now: number) => Math.floor(now / 60_000) % 10 < 2;

function handler(key: DemoService["key"], started: number): http.RequestListener {
  return (req, res) => {
    const now = Date.now();
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    switch (key) {
      case "healthy":
        return json(200, { status: "ok" });
      case "slow":
        return void setTimeout(() => json(200, { status: "ok" }), 230 + Math.random() * 150);
      case "flapping":
        return flappingDown(now) ? json(503, { status: "unavailable" }) : json(200, { status: "ok" });
      case "down":
        return json(503, { status: "database unreachable" });
      case "metrics":
        if (req.url?.startsWith("/metrics"))
          return void res.writeHead(200, { "content-type": "text/plain; version=0.0.4" }).end(exposition(now, started));
        return json(200, { status: "ok" });
    }
  };
}

/** Starts the five services on free loopback ports; `stop` closes them. */
export async function startDemoServices(): Promise<{ services: DemoService[]; stop: () => Promise<void> }> {
  const started = Date.now();
  const keys: DemoService["key"][] = ["healthy", "slow", "flapping", "down", "metrics"];
  const servers = await Promise.all(
    keys.map(async (key) => {
      const server = http.createServer(handler(key, started));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return { key, server };
    }),
  );
  const services = servers.map(({ key, server }) => {
    const { port } = server.address() as AddressInfo;
    return { key, url: `http://127.0.0.1:${port}${key === "metrics" ? "/metrics" : "/health"}` };
  });
  return {
    services,
    stop: async () => void (await Promise.all(servers.map(({ server }) => new Promise((r) => server.close(r))))),
  };
}
