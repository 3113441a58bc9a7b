// The `health-retention` job (daily): raw samples and minute rollups older than
// STEWARD_HEALTH_RAW_RETENTION_DAYS go; hour rollups are kept 400 days, day rollups and alert events forever.
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

const DAY_MS = 86_400_000;
export const HOUR_ROLLUP_RETENTION_DAYS = 400;
const DELETE_BATCH = 10_000;

export type RetentionSummary = { rawSamples: number; minuteRollups: number; hourRollups: number };

/** Sealed hours wholly before the cutoff go; the hour holding it keeps only its samples from the cutoff on. */
async function deleteExpiredSealedSamples(cutoff: Date, scope: Prisma.Sql): Promise<number> {
  const [whole] = await db.$queryRaw<[{ n: number }]>`WITH gone AS (
      DELETE FROM "HealthSampleHour" WHERE hour <= ${cutoff}::timestamptz - interval '1 hour' ${scope} RETURNING cardinality("atOffsets") AS n
    ) SELECT coalesce(sum(n), 0)::int AS n FROM gone`;
  const [part] = await db.$queryRaw<[{ n: number }]>`WITH cut AS (
      SELECT "targetId", metric, hour, (SELECT count(*) FROM unnest("atOffsets") o WHERE hour + o * interval '1 millisecond' < ${cutoff}::timestamptz)::int AS k
      FROM "HealthSampleHour" WHERE hour > ${cutoff}::timestamptz - interval '1 hour' AND hour < ${cutoff}::timestamptz ${scope}
    ), trimmed AS (
      UPDATE "HealthSampleHour" h SET "atOffsets" = h."atOffsets"[c.k + 1:], "values" = h."values"[c.k + 1:], oks = h.oks[c.k + 1:],
        statuses = h.statuses[c.k + 1:], "failureKinds" = h."failureKinds"[c.k + 1:], "failureMessages" = h."failureMessages"[c.k + 1:],
        "failureDetails" = h."failureDetails"[c.k + 1:], labels = h.labels[c.k + 1:]
      FROM cut c WHERE c.k > 0 AND cardinality(h."atOffsets") > c.k AND h."targetId" = c."targetId" AND h.metric = c.metric AND h.hour = c.hour
      RETURNING c.k
    ), emptied AS (
      DELETE FROM "HealthSampleHour" h USING cut c WHERE cardinality(h."atOffsets") = c.k
        AND h."targetId" = c."targetId" AND h.metric = c.metric AND h.hour = c.hour
      RETURNING c.k
    ) SELECT coalesce((SELECT sum(k) FROM trimmed), 0)::int + coalesce((SELECT sum(k) FROM emptied), 0)::int AS n`;
  return whole.n + part.n;
}

export async function deleteExpiredHealthData(
  options: { now?: Date; retentionDays?: number; targetIds?: string[] } = {},
): Promise<RetentionSummary> {
  const now = options.now ?? new Date();
  const rawCutoff = new Date(
    now.getTime() - (options.retentionDays ?? getEnv().STEWARD_HEALTH_RAW_RETENTION_DAYS) * DAY_MS,
  );
  const hourCutoff = new Date(now.getTime() - HOUR_ROLLUP_RETENTION_DAYS * DAY_MS);
  const scope = options.targetIds ? Prisma.sql`AND "targetId" = ANY(${options.targetIds}::uuid[])` : Prisma.empty;
  let rawSamples = 0;
  // In batches, so a first run over months of data does not hold one huge transaction.
  for (;;) {
    const deleted = await db.$executeRaw`DELETE FROM "HealthSample" WHERE id IN (
      SELECT id FROM "HealthSample" WHERE "at" < ${rawCutoff}::timestamptz ${scope} LIMIT ${DELETE_BATCH}::int)`;
    rawSamples += deleted;
    if (deleted < DELETE_BATCH) break;
  }
  rawSamples += await deleteExpiredSealedSamples(rawCutoff, scope);
  const targetScope = options.targetIds ? { targetId: { in: options.targetIds } } : {};
  const minute = await db.healthRollup.deleteMany({
    where: { ...targetScope, bucket: "minute", bucketStart: { lt: rawCutoff } },
  });
  const hour = await db.healthRollup.deleteMany({
    where: { ...targetScope, bucket: "hour", bucketStart: { lt: hourCutoff } },
  });
  return { rawSamples, minuteRollups: minute.count, hourRollups: hour.count };
}
