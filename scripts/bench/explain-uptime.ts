// EXPLAIN ANALYZE of the uptime count (lib/health/views/uptime.ts) for every target over 24 h, 7 d, 30 d, 90 d
// (DATABASE_URL, e.g. bench:pages' reused database). `EXPLAIN_WINDOW=24h` for one window, `EXPLAIN_FULL=1` for the plans.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { uptimeCountSql } from "@/lib/health/views/uptime";
import { UPTIME_WINDOWS } from "@/lib/health/views/overview-view";

const ids = (await db.healthTarget.findMany({ select: { id: true } })).map((t) => t.id);
const now = new Date();
for (const [name, ms] of Object.entries(UPTIME_WINDOWS)) {
  if (process.env.EXPLAIN_WINDOW && process.env.EXPLAIN_WINDOW !== name) continue;
  const sql = await uptimeCountSql(ids, new Date(now.getTime() - ms), now, now);
  const [, rows] = await db.$transaction([
    db.$executeRawUnsafe("SET LOCAL jit = off"), // as getUptime runs it
    db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${sql}`),
  ]);
  const lines = rows.map((r) => r["QUERY PLAN"]);
  console.log(`${name} (${ids.length} targets):`);
  console.log(
    (process.env.EXPLAIN_FULL ? lines : lines.filter((l) => /Execution Time|Planning Time/.test(l))).join("\n"),
  );
}
await db.$disconnect();
