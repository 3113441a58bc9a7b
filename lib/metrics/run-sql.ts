// Runs one KPI query with PostgreSQL's JIT off: these queries are cheap to execute but look costly
// to the planner, and compiling them took ~10 s per query on PostgreSQL 15 (measured by bench:metrics).
// A request runs several at once: they wait for a pooled connection rather than fail.
import { db } from "@/lib/db";

export function runMetricsSql<T>(sql: string, params: unknown[]): Promise<T[]> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL jit = off");
      return tx.$queryRawUnsafe<T[]>(sql, ...params);
    },
    { maxWait: 60_000, timeout: 60_000 },
  );
}
