// steward's own Prometheus metrics. Kept on globalThis: Next.js may load this module in several bundles.
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

type StewardMetrics = {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"method" | "route">;
  pageRequests: Counter<"route">;
};

const globalForMetrics = globalThis as unknown as { stewardMetrics?: StewardMetrics };

function createMetrics(): StewardMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "steward_" });
  return {
    registry,
    httpRequests: new Counter({
      name: "steward_http_requests_total",
      help: "API and route-handler requests by route template and status code.",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "steward_http_request_duration_seconds",
      help: "Route-handler latency by route template.",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    pageRequests: new Counter({
      name: "steward_page_requests_total",
      help: "Page requests seen by the proxy, by top-level section.",
      labelNames: ["route"],
      registers: [registry],
    }),
  };
}

export function getMetrics(): StewardMetrics {
  globalForMetrics.stewardMetrics ??= createMetrics();
  return globalForMetrics.stewardMetrics;
}
