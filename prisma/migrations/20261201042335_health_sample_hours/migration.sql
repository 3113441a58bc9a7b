-- CreateTable
CREATE TABLE "HealthSampleHour" (
    "targetId" UUID NOT NULL,
    "metric" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "atOffsets" INTEGER[],
    "values" DOUBLE PRECISION[],
    "oks" BOOLEAN[],
    "statuses" INTEGER[],
    "failureKinds" TEXT[],
    "failureMessages" TEXT[],
    "failureDetails" TEXT[],
    "labels" JSONB[],

    CONSTRAINT "HealthSampleHour_pkey" PRIMARY KEY ("targetId","metric","hour")
);

-- CreateIndex
CREATE INDEX "HealthSampleHour_hour_idx" ON "HealthSampleHour" USING BRIN ("hour");

-- AddForeignKey
ALTER TABLE "HealthSampleHour" ADD CONSTRAINT "HealthSampleHour_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "HealthTarget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing raw samples of past hours move into the packed form (the same statement as lib/health/store/seal.ts).
WITH moved AS (
    DELETE FROM "HealthSample" WHERE "at" < date_bin('1 hour', now(), TIMESTAMPTZ '2000-01-01 00:00:00+00')
    RETURNING id, "targetId", metric, "at", value, ok, status, "failureKind", "failureMessage", "failureDetail", labels
  ), samples AS (
    SELECT "targetId", metric, date_bin('1 hour', "at", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS hour, "at", id AS seq, value, ok, status,
      "failureKind", "failureMessage", "failureDetail", labels
    FROM moved
  )
INSERT INTO "HealthSampleHour" ("targetId", metric, hour, "atOffsets", "values", oks, statuses, "failureKinds", "failureMessages", "failureDetails", labels)
SELECT "targetId", metric, hour,
  array_agg(round(extract(epoch FROM "at" - hour) * 1000)::int ORDER BY "at", seq),
  array_agg(value ORDER BY "at", seq),
  CASE WHEN bool_or(ok IS NOT NULL) THEN array_agg(ok ORDER BY "at", seq) END,
  CASE WHEN bool_or(status IS NOT NULL) THEN array_agg(status ORDER BY "at", seq) END,
  CASE WHEN bool_or("failureKind" IS NOT NULL) THEN array_agg("failureKind" ORDER BY "at", seq) END,
  CASE WHEN bool_or("failureMessage" IS NOT NULL) THEN array_agg("failureMessage" ORDER BY "at", seq) END,
  CASE WHEN bool_or("failureDetail" IS NOT NULL) THEN array_agg("failureDetail" ORDER BY "at", seq) END,
  CASE WHEN bool_or(labels IS NOT NULL) THEN array_agg(labels ORDER BY "at", seq) END
FROM samples GROUP BY "targetId", metric, hour;
