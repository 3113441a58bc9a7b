// Sealing: raw samples of past UTC hours move from the narrow-but-heavy "HealthSample" rows (~200 bytes
// each on disk with their index entries) into one "HealthSampleHour" row per (target, metric, hour) of
// aligned arrays (~13 bytes a sample). New samples, late pushes included, always land in HealthSample;
// a sealed hour that receives more is re-packed with them. One statement, under a lock, so a reader
// (raw-samples-sql.ts reads both tables) sees every sample exactly once, before or after.
import { sqlTransaction, type Sql } from "@/lib/db";

const HOUR_MS = 3_600_000;
const SEAL_LOCK = "steward.health-seal";

/** The hour a sample belongs to, independent of the session's time zone. */
const HOUR_OF = `date_bin('1 hour', "at", TIMESTAMPTZ '2000-01-01 00:00:00+00')`;

const SEAL_SQL = `WITH moved AS (
    DELETE FROM "HealthSample" WHERE "at" >= $1::timestamptz AND "at" < $2::timestamptz
      AND ($3::uuid[] IS NULL OR "targetId" = ANY($3::uuid[]))
    RETURNING id, "targetId", metric, "at", value, ok, status, "failureKind", "failureMessage", "failureDetail", labels
  ), keys AS (
    SELECT DISTINCT "targetId", metric, ${HOUR_OF} AS hour FROM moved
  ), old AS (
    DELETE FROM "HealthSampleHour" h USING keys k WHERE h."targetId" = k."targetId" AND h.metric = k.metric AND h.hour = k.hour
    RETURNING h.*
  ), samples AS (
    SELECT "targetId", metric, ${HOUR_OF} AS hour, "at", 1 AS src, id AS seq, value, ok, status, "failureKind", "failureMessage", "failureDetail", labels
    FROM moved
    UNION ALL
    SELECT o."targetId", o.metric, o.hour, o.hour + u.off * interval '1 millisecond', 0, u.seq, u.value, u.ok, u.status,
      u."failureKind", u."failureMessage", u."failureDetail", u.labels
    FROM old o CROSS JOIN LATERAL unnest(o."atOffsets", o."values", o.oks, o.statuses, o."failureKinds", o."failureMessages", o."failureDetails", o.labels)
      WITH ORDINALITY AS u(off, value, ok, status, "failureKind", "failureMessage", "failureDetail", labels, seq)
  ), packed AS (
    INSERT INTO "HealthSampleHour" ("targetId", metric, hour, "atOffsets", "values", oks, statuses, "failureKinds", "failureMessages", "failureDetails", labels)
    SELECT "targetId", metric, hour,
      array_agg(round(extract(epoch FROM "at" - hour) * 1000)::int ORDER BY "at", src, seq),
      array_agg(value ORDER BY "at", src, seq),
      CASE WHEN bool_or(ok IS NOT NULL) THEN array_agg(ok ORDER BY "at", src, seq) END,
      CASE WHEN bool_or(status IS NOT NULL) THEN array_agg(status ORDER BY "at", src, seq) END,
      CASE WHEN bool_or("failureKind" IS NOT NULL) THEN array_agg("failureKind" ORDER BY "at", src, seq) END,
      CASE WHEN bool_or("failureMessage" IS NOT NULL) THEN array_agg("failureMessage" ORDER BY "at", src, seq) END,
      CASE WHEN bool_or("failureDetail" IS NOT NULL) THEN array_agg("failureDetail" ORDER BY "at", src, seq) END,
      CASE WHEN bool_or(labels IS NOT NULL) THEN array_agg(labels ORDER BY "at", src, seq) END
    FROM samples GROUP BY "targetId", metric, hour
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM moved)::int AS "samples", (SELECT count(*) FROM packed)::int AS "hours"`;

/** `targetIds`: only these targets' samples (tests share one database). */
export type SealOptions = { now?: Date; from?: Date; before?: Date; targetIds?: string[] };
export type SealSummary = { samples: number; hours: number };

/**
 * Inside a transaction (`sql`): seals the samples with `at` in [from, before) — by default every hour
 * before the current one. Waits for any other sealing to finish first.
 */
export async function sealRawSamplesIn(sql: Sql, options: SealOptions = {}): Promise<SealSummary> {
  const now = options.now ?? new Date();
  const before = options.before ?? new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  if (before.getTime() % HOUR_MS !== 0) throw new Error("sealRawSamples: `before` must be a whole UTC hour");
  await sql.query(`SELECT pg_advisory_xact_lock(hashtext($1))::text AS "locked"`, [SEAL_LOCK]);
  const [summary] = await sql.query<SealSummary>(SEAL_SQL, [
    options.from ?? new Date(0),
    before,
    options.targetIds ?? null,
  ]);
  return summary ?? { samples: 0, hours: 0 };
}

/** The `health-rollups` job's second step: seals the past hours in a transaction of its own. */
export async function sealRawSamples(options: SealOptions = {}): Promise<SealSummary> {
  return sqlTransaction((sql) => sealRawSamplesIn(sql, options));
}
