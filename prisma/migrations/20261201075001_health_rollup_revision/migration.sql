-- CreateTable
CREATE TABLE "HealthRollupRevision" (
    "day" TIMESTAMPTZ(3) NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "HealthRollupRevision_pkey" PRIMARY KEY ("day")
);
