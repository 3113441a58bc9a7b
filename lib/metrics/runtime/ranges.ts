// Rollup rows in many time ranges in one statement, for the fleet's days (fleet.ts) and the partial
// days of uptime (uptime.ts).
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

export type RollupRange = { i: number; from: number; to: number };

/**
 * A subquery of the rows of `metric` in `bucket` rollups starting in each range [from, to), with the
 * range's `i` and `columns` (of `h`, plus "targetId"), for the targets `ids`. Each range is one index
 * range of (bucket, bucketStart); the targets are a hashed list applied after it (probing the primary
 * key per target cost 60 times the buffers). OFFSET 0 keeps the planner from pulling the LATERAL
 * subquery up into a join: it then read the whole rollup table (7.8 s on the bench data set).
 */
export function rollupRowsInRanges(
  bucket: "day" | "hour",
  metric: string,
  ids: string[],
  ranges: RollupRange[],
  columns: Prisma.Sql,
): Prisma.Sql {
  const iso = (ms: number) => new Date(ms).toISOString();
  return Prisma.sql`(
    SELECT w.i::int AS i, r.* FROM unnest(${ranges.map((r) => r.i)}::int[], ${ranges.map((r) => iso(r.from))}::timestamptz[],
      ${ranges.map((r) => iso(r.to))}::timestamptz[]) AS w(i, a, b)
    CROSS JOIN LATERAL (
      SELECT h."targetId", ${columns} FROM "HealthRollup" h WHERE h.bucket = ${bucket}::"HealthRollupBucket"
        AND h."bucketStart" >= w.a AND h."bucketStart" < w.b AND h.metric = ${metric} OFFSET 0
    ) r WHERE r."targetId" IN (SELECT unnest(${ids}::uuid[])))`;
}
