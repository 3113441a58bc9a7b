-- CreateTable
CREATE TABLE "TriageOutcome" (
    "itemId" TEXT NOT NULL,
    "repoId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "priority" TEXT,
    "stoppedAt" TIMESTAMPTZ(3),
    "withinTarget" BOOLEAN,
    "breachAt" TIMESTAMPTZ(3),

    CONSTRAINT "TriageOutcome_pkey" PRIMARY KEY ("itemId")
);

-- CreateTable
CREATE TABLE "TriageOutcomeKey" (
    "repoId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TriageOutcomeKey_pkey" PRIMARY KEY ("repoId")
);

-- CreateIndex
CREATE INDEX "TriageOutcome_repoId_createdAt_idx" ON "TriageOutcome"("repoId", "createdAt");

-- AddForeignKey
ALTER TABLE "TriageOutcome" ADD CONSTRAINT "TriageOutcome_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "GithubItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
