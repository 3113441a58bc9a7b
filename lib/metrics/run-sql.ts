// Runs one KPI query with PostgreSQL's JIT off: these queries are cheap to execute but look costly
// to the planner, and compiling them took ~10 s per query on PostgreSQL 15 (measured by bench:metrics).
// A request runs several at once: they wait for a pooled connection rather than fail.
import { db } from "@/lib/db";

export function runMetricsSql<T>(sql: string, params: unknown[]): Promise<T[]> {
  return db.$transaction(
    async (tx) => {
      // One round trip for both: JIT off, and percentiles sort a year of items in memory rather than on disk.
      await tx.$queryRawUnsafe("SELECT set_config('jit', 'off', true), set_config('work_mem', '32MB', true)");
      return tx.$queryRawUnsafe<T[]>(sql, ...params);
    },
    { maxWait: 60_000, timeout: 60_000 },
  );
}
