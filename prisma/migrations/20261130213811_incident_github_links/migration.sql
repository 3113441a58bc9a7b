-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "originKey" TEXT;

-- CreateTable
CREATE TABLE "IncidentLink" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "itemId" TEXT NOT NULL,
    "repoKey" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "how" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "IncidentLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentAutoOpenSettings" (
    "id" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IncidentAutoOpenSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IncidentLink_itemId_idx" ON "IncidentLink"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentLink_incidentId_itemId_key" ON "IncidentLink"("incidentId", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_originKey_key" ON "Incident"("originKey");

-- AddForeignKey
ALTER TABLE "IncidentLink" ADD CONSTRAINT "IncidentLink_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
