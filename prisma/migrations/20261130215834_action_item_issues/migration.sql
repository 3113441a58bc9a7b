-- CreateTable
CREATE TABLE "IncidentActionItemIssue" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "itemKey" TEXT NOT NULL,
    "itemText" TEXT NOT NULL,
    "repoId" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'creating',
    "claimedAt" TIMESTAMPTZ(3) NOT NULL,
    "claimedById" TEXT,
    "number" INTEGER,
    "url" TEXT,
    "nodeId" TEXT,
    "createdAt" TIMESTAMPTZ(3),

    CONSTRAINT "IncidentActionItemIssue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IncidentActionItemIssue_repoId_number_idx" ON "IncidentActionItemIssue"("repoId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentActionItemIssue_incidentId_itemKey_key" ON "IncidentActionItemIssue"("incidentId", "itemKey");

-- AddForeignKey
ALTER TABLE "IncidentActionItemIssue" ADD CONSTRAINT "IncidentActionItemIssue_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentActionItemIssue" ADD CONSTRAINT "IncidentActionItemIssue_repoId_fkey" FOREIGN KEY ("repoId") REFERENCES "GithubRepository"("id") ON DELETE CASCADE ON UPDATE CASCADE;
