-- The triage queue reads these columns: rows written before them are rebuilt on first read (outcomes.ts ALGORITHM 3).
-- AlterTable
ALTER TABLE "TriageOutcome" ADD COLUMN     "dueAt" TIMESTAMPTZ(3),
ADD COLUMN     "dueSoonAt" TIMESTAMPTZ(3),
ADD COLUMN     "firstPriorityAt" TIMESTAMPTZ(3),
ADD COLUMN     "firstResponseAt" TIMESTAMPTZ(3),
ADD COLUMN     "lastHumanActivityAt" TIMESTAMPTZ(3),
ADD COLUMN     "number" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "open" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "priorityChanges" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "responseSeconds" INTEGER,
ADD COLUMN     "reviewWaitingSince" TIMESTAMPTZ(3),
ADD COLUMN     "staleAction" TEXT,
ADD COLUMN     "staleAt" TIMESTAMPTZ(3),
ADD COLUMN     "targetSeconds" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "type" TEXT;

-- CreateIndex
CREATE INDEX "TriageOutcome_open_repoId_idx" ON "TriageOutcome"("open", "repoId");
