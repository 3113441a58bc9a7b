// Runs one KPI query with more sort memory (JIT is off for every connection, lib/db.ts: compiling these
// queries took ~10 s each on PostgreSQL 15, measured by bench:metrics). A request runs several at once:
// they wait for a pooled connection rather than fail.
import { db } from "@/lib/db";

export function runMetricsSql<T>(sql: string, params: unknown[]): Promise<T[]> {
  return db.$transaction(
    async (tx) => {
      // Percentiles sort a year of items in memory rather than on disk.
      await tx.$queryRawUnsafe("SELECT set_config('work_mem', '32MB', true)");
      return tx.$queryRawUnsafe<T[]>(sql, ...params);
    },
    { maxWait: 60_000, timeout: 60_000 },
  );
}
