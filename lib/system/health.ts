// Liveness with a database round trip, bounded so a hung database answers 503 instead of hanging.
import { db } from "@/lib/db";

export type HealthReport = {
  status: "ok" | "degraded";
  checks: { database: { status: "ok" | "down"; latencyMs?: number; error?: string } };
  uptimeSeconds: number;
  version: string;
};

const TIMEOUT_MS = 2_000;

export async function getHealthReport(version: string): Promise<HealthReport> {
  const started = performance.now();
  let database: HealthReport["checks"]["database"];
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref(),
      ),
    ]);
    database = { status: "ok", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    database = { status: "down", error: error instanceof Error ? error.message.split("\n")[0] : "unreachable" };
  }
  return {
    status: database.status === "ok" ? "ok" : "degraded",
    checks: { database },
    uptimeSeconds: Math.round(process.uptime()),
    version,
  };
}
