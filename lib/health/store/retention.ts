// The `health-retention` job (daily): raw samples and minute rollups older than
// STEWARD_HEALTH_RAW_RETENTION_DAYS go; hour rollups are kept 400 days, day rollups and alert events forever.
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

const DAY_MS = 86_400_000;
export const HOUR_ROLLUP_RETENTION_DAYS = 400;
const DELETE_BATCH = 10_000;

export type RetentionSummary = { rawSamples: number; minuteRollups: number; hourRollups: number };

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
  const targetScope = options.targetIds ? { targetId: { in: options.targetIds } } : {};
  const minute = await db.healthRollup.deleteMany({
    where: { ...targetScope, bucket: "minute", bucketStart: { lt: rawCutoff } },
  });
  const hour = await db.healthRollup.deleteMany({
    where: { ...targetScope, bucket: "hour", bucketStart: { lt: hourCutoff } },
  });
  return { rawSamples, minuteRollups: minute.count, hourRollups: hour.count };
}
