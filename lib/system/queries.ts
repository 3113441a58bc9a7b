import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

export async function getSystemStatus() {
  const env = getEnv();
  const [migrations, recentJobs] = await Promise.all([
    db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM _prisma_migrations WHERE finished_at IS NOT NULL`,
    db.jobRun.findMany({
      orderBy: { startedAt: "desc" },
      take: 10,
      select: { id: true, job: true, workerId: true, startedAt: true, finishedAt: true, error: true },
    }),
  ]);
  return {
    database: env.STEWARD_EMBEDDED_DATABASE
      ? `embedded PGlite in ${env.STEWARD_DATA_DIR}`
      : "external PostgreSQL (DATABASE_URL)",
    worker:
      env.STEWARD_WORKER === "inline" ? "inside the server process" : "separate worker processes (npm run worker)",
    migrationsApplied: Number(migrations[0]?.count ?? 0),
    metricsProtected: env.STEWARD_METRICS_TOKEN ? "scrape token (STEWARD_METRICS_TOKEN)" : "session or API token",
    recentJobs: recentJobs.map((j) => ({ ...j, id: j.id.toString() })),
  };
}
export type SystemStatus = Awaited<ReturnType<typeof getSystemStatus>>;
