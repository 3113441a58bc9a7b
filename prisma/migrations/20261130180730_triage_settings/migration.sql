-- CreateTable
CREATE TABLE "TriageSettings" (
    "repoId" UUID NOT NULL,
    "config" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "TriageSettings_pkey" PRIMARY KEY ("repoId")
);
