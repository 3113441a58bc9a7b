-- DropIndex
DROP INDEX "ChecklistCompletion_runId_itemId_key";

-- AlterTable
ALTER TABLE "RunbookSection" ADD COLUMN     "editedFields" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "ChecklistRun" ADD COLUMN     "incidentId" UUID,
ADD COLUMN     "repoId" UUID,
ADD COLUMN     "version" TEXT;

-- AlterTable
ALTER TABLE "ChecklistCompletion" ADD COLUMN     "undoneAt" TIMESTAMPTZ(3),
ADD COLUMN     "undoneById" UUID,
ADD COLUMN     "undoneByName" TEXT;

-- CreateIndex
CREATE INDEX "ChecklistRun_incidentId_idx" ON "ChecklistRun"("incidentId");

-- CreateIndex
CREATE INDEX "ChecklistRun_repoId_version_idx" ON "ChecklistRun"("repoId", "version");

-- CreateIndex
CREATE INDEX "ChecklistCompletion_runId_itemId_idx" ON "ChecklistCompletion"("runId", "itemId");

-- AddForeignKey
ALTER TABLE "ChecklistRun" ADD CONSTRAINT "ChecklistRun_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written (prisma/hand-written.sql): one live completion per (run, item), undone rows stay as history.
CREATE UNIQUE INDEX "ChecklistCompletion_live_key" ON "ChecklistCompletion"("runId", "itemId") WHERE "undoneAt" IS NULL;
