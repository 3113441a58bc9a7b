// Demo health: five targets checking the fake services for real, with 7 days of back-filled history so
// uptime, charts, timelines and downtimes are filled from the first page view. Idempotent across restarts.
import type { CheckObservation, MetricObservation } from "@/lib/health/store/record";
import { flappingDown, type DemoService } from "./services";

const DAY = 86_400_000;
const STEP = 5 * 60_000;
const HISTORY_DAYS = 8;

type Spec = { key: DemoService["key"]; slug: string; name: string; group: string };
const SPECS: Spec[] = [
  { key: "healthy", slug: "demo-website", name: "Website", group: "web" },
  { key: "slow", slug: "demo-search-api", name: "Search API", group: "api" },
  { key: "flapping", slug: "demo-checkout", name: "Checkout", group: "api" },
  { key: "metrics", slug: "demo-orders", name: "Orders service", group: "api" },
  { key: "down", slug: "demo-billing-worker", name: "Billing worker", group: "backend" },
];

/** Deterministic noise in [0, 1). */
const noise = (t: number, salt: number) => {
  const x = Math.sin(t / 7919 + salt * 104_729) * 43_758.5453;
  return x - Math.floor(x);
};

function history(
  key: Spec["key"],
  from: number,
  to: number,
  downSince: number,
): { checks: CheckObservation[]; metrics: MetricObservation[] } {
  const checks: CheckObservation[] = [];
  const metrics: MetricObservation[] = [];
  for (let t = from; t < to; t += STEP) {
    const at = new Date(t);
    const n = noise(t, key.length);
    const failed =
      (key === "flapping" && flappingDown(t)) ||
      (key === "down" && t >= downSince) ||
      (key === "healthy" && t > to - 3 * DAY && t < to - 3 * DAY + 15 * 60_000);
    const ms = key === "slow" ? 230 + n * 150 : key === "metrics" ? 15 + n * 10 : 35 + n * 40;
    const failure = { kind: "status", message: "status 503 is outside the expected 200–399" };
    checks.push(
      failed ? { at, ok: false, durationMs: ms, status: 503, failure } : { at, ok: true, durationMs: ms, status: 200 },
    );
    if (failed) continue;
    if (key !== "metrics") metrics.push({ at, metric: "response_time_ms", value: ms });
    else {
      const spike = t > to - 5 * DAY && t < to - 5 * DAY + 40 * 60_000; // an error-rate incident five days ago
      metrics.push(
        { at, metric: "response_time_ms", value: 80 + n * 30 + (spike ? 400 : 0) },
        { at, metric: "error_rate_pct", value: spike ? 3 + n * 2 : 0.1 + n * 0.3 },
        { at, metric: "throughput_rps", value: 1200 + 300 * Math.sin(t / 600_000) + n * 50 },
        { at, metric: "memory_pct", value: 58 + 6 * Math.sin(t / 900_000) + n * 2 },
        {
          at,
          metric: "breaker_state",
          value: Math.floor(t / 60_000) % 30 < 2 ? 2 : 0,
          labels: { breakers: Math.floor(t / 60_000) % 30 < 2 ? "payments" : "" },
        },
      );
    }
  }
  return { checks, metrics };
}

function input(spec: Spec, url: string) {
  const common = {
    name: spec.name,
    slug: spec.slug,
    serviceGroup: spec.group,
    intervalSeconds: 30,
    breachesToChange: spec.key === "flapping" ? 2 : 3,
  };
  if (spec.key === "metrics")
    return {
      kind: "prometheus" as const,
      ...common,
      url,
      timeoutMs: 5000,
      mapping: { memoryLimitBytes: 1024 * 1024 * 1024 },
    };
  return { kind: "http" as const, ...common, check: { url, timeoutMs: 5000 } };
}

async function waitForServer(port: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("demo: steward did not come up within 10 minutes");
}

/** Creates (or re-points, after a restart) the demo's health targets and back-fills their history. */
export async function seedDemoHealth(services: DemoService[], port: number): Promise<void> {
  await waitForServer(port);
  const { db } = await import("@/lib/db");
  const { CreateTargetInput } = await import("@/lib/health/schemas");
  const { createHealthTarget, updateHealthTarget } = await import("@/lib/health/targets/targets");
  const { recordObservations } = await import("@/lib/health/store/record");
  const now = Date.now();
  let created = 0;
  for (const spec of SPECS) {
    const url = services.find((s) => s.key === spec.key)!.url;
    const body = input(spec, url);
    const existing = await db.healthTarget.findUnique({ where: { slug: spec.slug } });
    if (existing) {
      // The services listen on new ports each run.
      await updateHealthTarget(
        existing.id,
        spec.key === "metrics" ? { url } : { check: (body as { check: unknown }).check },
        null,
        "demo",
      );
      continue;
    }
    const target = await createHealthTarget(CreateTargetInput.parse({ ...body, enabled: false }), null, "demo");
    const from = Math.floor((now - HISTORY_DAYS * DAY) / STEP) * STEP;
    await db.healthTarget.update({ where: { id: target.id }, data: { createdAt: new Date(from) } });
    const { checks, metrics } = history(spec.key, from, now - STEP, now - 2 * DAY - 47 * 60_000);
    await recordObservations(target, { checks, metrics });
    await updateHealthTarget(target.id, { enabled: true }, null, "demo");
    created += 1;
  }
  console.log(
    `demo: health targets ${created ? `created (${created}, ${HISTORY_DAYS} days of history)` : "re-pointed"} at ${services.length} local fake services`,
  );
}
