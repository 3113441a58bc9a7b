-- CreateTable
CREATE TABLE "Runbook" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "markdown" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "importedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Runbook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunbookSection" (
    "id" UUID NOT NULL,
    "runbookId" UUID NOT NULL,
    "pathKey" TEXT NOT NULL,
    "path" JSONB NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "rrule" TEXT,
    "onDemand" BOOLEAN NOT NULL DEFAULT false,
    "businessHoursOnly" BOOLEAN NOT NULL DEFAULT false,
    "cadenceText" TEXT,
    "dueTime" TEXT NOT NULL DEFAULT '17:00',
    "ownerRole" "Role" NOT NULL DEFAULT 'maintainer',
    "guidance" TEXT NOT NULL DEFAULT '',
    "commands" JSONB NOT NULL,
    "removedAt" TIMESTAMPTZ(3),
    "scheduledFrom" TIMESTAMPTZ(3),

    CONSTRAINT "RunbookSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunbookItem" (
    "id" UUID NOT NULL,
    "sectionId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "parentKey" TEXT,
    "checkId" TEXT,
    "removedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RunbookItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistRun" (
    "id" UUID NOT NULL,
    "sectionId" UUID NOT NULL,
    "periodKey" TEXT NOT NULL,
    "label" TEXT,
    "periodStart" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedBy" TEXT,
    "skippedAt" TIMESTAMPTZ(3),
    "skippedBy" TEXT,
    "skipReason" TEXT,
    "signedOffAt" TIMESTAMPTZ(3),

    CONSTRAINT "ChecklistRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistCompletion" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "byId" UUID,
    "byName" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "checkId" TEXT,
    "value" JSONB,
    "evidenceUrl" TEXT,

    CONSTRAINT "ChecklistCompletion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistSignOff" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "byId" UUID,
    "byName" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "summary" JSONB NOT NULL,

    CONSTRAINT "ChecklistSignOff_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Runbook_slug_key" ON "Runbook"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "RunbookSection_runbookId_pathKey_key" ON "RunbookSection"("runbookId", "pathKey");

-- CreateIndex
CREATE UNIQUE INDEX "RunbookItem_sectionId_key_key" ON "RunbookItem"("sectionId", "key");

-- CreateIndex
CREATE INDEX "ChecklistRun_dueAt_idx" ON "ChecklistRun"("dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistRun_sectionId_periodKey_key" ON "ChecklistRun"("sectionId", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistCompletion_runId_itemId_key" ON "ChecklistCompletion"("runId", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistSignOff_runId_key" ON "ChecklistSignOff"("runId");

-- AddForeignKey
ALTER TABLE "RunbookSection" ADD CONSTRAINT "RunbookSection_runbookId_fkey" FOREIGN KEY ("runbookId") REFERENCES "Runbook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunbookItem" ADD CONSTRAINT "RunbookItem_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "RunbookSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistRun" ADD CONSTRAINT "ChecklistRun_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "RunbookSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistCompletion" ADD CONSTRAINT "ChecklistCompletion_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ChecklistRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistCompletion" ADD CONSTRAINT "ChecklistCompletion_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RunbookItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistSignOff" ADD CONSTRAINT "ChecklistSignOff_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ChecklistRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
