-- CreateEnum
CREATE TYPE "HealthTargetKind" AS ENUM ('http', 'prometheus', 'push');

-- CreateEnum
CREATE TYPE "HealthLevel" AS ENUM ('ok', 'warning', 'critical');

-- CreateEnum
CREATE TYPE "HealthRollupBucket" AS ENUM ('minute', 'hour', 'day');

-- CreateTable
CREATE TABLE "RateLimitWindow" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimitWindow_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "HealthTarget" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "serviceGroup" TEXT NOT NULL DEFAULT 'default',
    "kind" "HealthTargetKind" NOT NULL,
    "config" JSONB NOT NULL,
    "intervalSeconds" INTEGER NOT NULL,
    "phaseMs" INTEGER NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "thresholds" JSONB,
    "breachesToChange" INTEGER NOT NULL DEFAULT 3,
    "nextCheckAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HealthTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthSample" (
    "id" BIGSERIAL NOT NULL,
    "targetId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "metric" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "ok" BOOLEAN,
    "status" INTEGER,
    "failureKind" TEXT,
    "failureMessage" TEXT,
    "labels" JSONB,

    CONSTRAINT "HealthSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthRollup" (
    "targetId" UUID NOT NULL,
    "metric" TEXT NOT NULL,
    "bucket" "HealthRollupBucket" NOT NULL,
    "bucketStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "okCount" INTEGER,
    "sum" DOUBLE PRECISION NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,
    "p50" DOUBLE PRECISION NOT NULL,
    "p95" DOUBLE PRECISION NOT NULL,
    "p99" DOUBLE PRECISION NOT NULL,
    "sketch" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HealthRollup_pkey" PRIMARY KEY ("targetId","metric","bucket","bucketStart")
);

-- CreateTable
CREATE TABLE "HealthRollupPending" (
    "targetId" UUID NOT NULL,
    "metric" TEXT NOT NULL,
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "HealthRollupPending_pkey" PRIMARY KEY ("targetId","metric","minute")
);

-- CreateTable
CREATE TABLE "HealthState" (
    "targetId" UUID NOT NULL,
    "kpi" TEXT NOT NULL,
    "level" "HealthLevel" NOT NULL DEFAULT 'ok',
    "consecutiveBreaches" INTEGER NOT NULL DEFAULT 0,
    "pendingLevel" "HealthLevel",
    "lastValue" DOUBLE PRECISION,
    "lastAt" TIMESTAMPTZ(3),
    "changedAt" TIMESTAMPTZ(3),

    CONSTRAINT "HealthState_pkey" PRIMARY KEY ("targetId","kpi")
);

-- CreateTable
CREATE TABLE "AlertEvent" (
    "id" UUID NOT NULL,
    "targetId" UUID,
    "targetName" TEXT NOT NULL,
    "kpi" TEXT NOT NULL,
    "from" "HealthLevel" NOT NULL,
    "to" "HealthLevel" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthScrapeBaseline" (
    "targetId" UUID NOT NULL,
    "takenAt" TIMESTAMPTZ(3) NOT NULL,
    "samples" JSONB NOT NULL,

    CONSTRAINT "HealthScrapeBaseline_pkey" PRIMARY KEY ("targetId")
);

-- CreateIndex
CREATE INDEX "RateLimitWindow_windowStart_idx" ON "RateLimitWindow"("windowStart");

-- CreateIndex
CREATE UNIQUE INDEX "HealthTarget_slug_key" ON "HealthTarget"("slug");

-- CreateIndex
CREATE INDEX "HealthTarget_nextCheckAt_idx" ON "HealthTarget"("nextCheckAt");

-- CreateIndex
CREATE INDEX "HealthSample_targetId_metric_at_idx" ON "HealthSample"("targetId", "metric", "at");

-- CreateIndex
CREATE INDEX "HealthSample_at_idx" ON "HealthSample"("at");

-- CreateIndex
CREATE INDEX "HealthRollup_bucket_bucketStart_idx" ON "HealthRollup"("bucket", "bucketStart");

-- CreateIndex
CREATE INDEX "AlertEvent_at_idx" ON "AlertEvent"("at");

-- CreateIndex
CREATE INDEX "AlertEvent_targetId_at_idx" ON "AlertEvent"("targetId", "at");

-- AddForeignKey
ALTER TABLE "HealthSample" ADD CONSTRAINT "HealthSample_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "HealthTarget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthRollup" ADD CONSTRAINT "HealthRollup_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "HealthTarget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthRollupPending" ADD CONSTRAINT "HealthRollupPending_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "HealthTarget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthState" ADD CONSTRAINT "HealthState_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "HealthTarget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertEvent" ADD CONSTRAINT "AlertEvent_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "HealthTarget"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthScrapeBaseline" ADD CONSTRAINT "HealthScrapeBaseline_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "HealthTarget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
