-- CreateTable
CREATE TABLE "DependencyCheck" (
    "id" UUID NOT NULL,
    "repoId" UUID NOT NULL,
    "manifestPath" TEXT NOT NULL,
    "ecosystem" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "spec" TEXT NOT NULL,
    "current" TEXT,
    "latest" TEXT,
    "latestPublishedAt" TIMESTAMPTZ(3),
    "availableSince" TIMESTAMPTZ(3),
    "status" TEXT NOT NULL,
    "updateClass" TEXT NOT NULL,
    "reason" TEXT,
    "checkedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DependencyCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DependencyRefresh" (
    "repoId" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "manifests" TEXT[],
    "dependencies" INTEGER NOT NULL,
    "unknown" INTEGER NOT NULL,
    "error" TEXT,

    CONSTRAINT "DependencyRefresh_pkey" PRIMARY KEY ("repoId")
);

-- CreateIndex
CREATE INDEX "DependencyCheck_repoId_status_idx" ON "DependencyCheck"("repoId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "DependencyCheck_repoId_manifestPath_ecosystem_name_section_key" ON "DependencyCheck"("repoId", "manifestPath", "ecosystem", "name", "section");
