-- CreateEnum
CREATE TYPE "GithubItemKind" AS ENUM ('issue', 'pull_request');

-- CreateEnum
CREATE TYPE "GithubActorType" AS ENUM ('user', 'bot', 'ghost');

-- CreateEnum
CREATE TYPE "GithubRemovalReason" AS ENUM ('transferred', 'deleted');

-- CreateEnum
CREATE TYPE "GithubSyncStatus" AS ENUM ('running', 'succeeded', 'failed', 'interrupted', 'rate_limited');

-- CreateEnum
CREATE TYPE "GithubWebhookStatus" AS ENUM ('queued', 'processed', 'ignored', 'failed');

-- CreateTable
CREATE TABLE "GithubRepository" (
    "id" UUID NOT NULL,
    "owner" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "nodeId" TEXT,
    "databaseId" BIGINT,
    "defaultBranch" TEXT,
    "isArchived" BOOLEAN NOT NULL DEFAULT false,
    "isPrivate" BOOLEAN NOT NULL DEFAULT false,
    "lastSyncAt" TIMESTAMPTZ(3),
    "lastSyncStatus" "GithubSyncStatus",
    "lastBackstopAt" TIMESTAMPTZ(3),
    "syncLeaseId" UUID,
    "syncLeaseUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GithubRepository_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GithubItem" (
    "id" TEXT NOT NULL,
    "repoId" UUID NOT NULL,
    "kind" "GithubItemKind" NOT NULL,
    "number" INTEGER NOT NULL,
    "databaseId" BIGINT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "stateReason" TEXT,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "authorLogin" TEXT,
    "authorType" "GithubActorType" NOT NULL,
    "authorAssociation" TEXT,
    "milestone" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "commentCount" INTEGER NOT NULL DEFAULT 0,
    "isDraft" BOOLEAN,
    "readyForReviewAt" TIMESTAMPTZ(3),
    "merged" BOOLEAN,
    "mergedAt" TIMESTAMPTZ(3),
    "mergedByLogin" TEXT,
    "baseRef" TEXT,
    "headRef" TEXT,
    "headOid" TEXT,
    "additions" INTEGER,
    "deletions" INTEGER,
    "changedFiles" INTEGER,
    "reviewDecision" TEXT,
    "checkState" TEXT,
    "removedAt" TIMESTAMPTZ(3),
    "removedReason" "GithubRemovalReason",
    "transferredTo" TEXT,

    CONSTRAINT "GithubItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GithubComment" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "repoId" UUID NOT NULL,
    "databaseId" BIGINT,
    "authorLogin" TEXT,
    "authorType" "GithubActorType" NOT NULL,
    "authorAssociation" TEXT,
    "body" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GithubComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GithubItemEvent" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "repoId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT,
    "actorLogin" TEXT,
    "actorType" "GithubActorType" NOT NULL,
    "stateReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GithubItemEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GithubReview" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "repoId" UUID NOT NULL,
    "databaseId" BIGINT,
    "authorLogin" TEXT,
    "authorType" "GithubActorType" NOT NULL,
    "authorAssociation" TEXT,
    "state" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "submittedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GithubReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GithubLabel" (
    "id" TEXT NOT NULL,
    "repoId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "description" TEXT,

    CONSTRAINT "GithubLabel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GithubItemLabel" (
    "itemId" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,

    CONSTRAINT "GithubItemLabel_pkey" PRIMARY KEY ("itemId","labelId")
);

-- CreateTable
CREATE TABLE "GithubItemAssignee" (
    "itemId" TEXT NOT NULL,
    "login" TEXT NOT NULL,

    CONSTRAINT "GithubItemAssignee_pkey" PRIMARY KEY ("itemId","login")
);

-- CreateTable
CREATE TABLE "GithubReviewRequest" (
    "itemId" TEXT NOT NULL,
    "reviewer" TEXT NOT NULL,
    "reviewerType" TEXT NOT NULL,

    CONSTRAINT "GithubReviewRequest_pkey" PRIMARY KEY ("itemId","reviewer")
);

-- CreateTable
CREATE TABLE "GithubCommit" (
    "repoId" UUID NOT NULL,
    "oid" TEXT NOT NULL,
    "nodeId" TEXT,
    "committedDate" TIMESTAMPTZ(3) NOT NULL,
    "messageHeadline" TEXT NOT NULL,
    "authorLogin" TEXT,
    "url" TEXT NOT NULL,
    "checkState" TEXT,

    CONSTRAINT "GithubCommit_pkey" PRIMARY KEY ("repoId","oid")
);

-- CreateTable
CREATE TABLE "GithubCheckSuite" (
    "id" TEXT NOT NULL,
    "repoId" UUID NOT NULL,
    "commitOid" TEXT NOT NULL,
    "databaseId" BIGINT,
    "app" TEXT,
    "workflowName" TEXT,
    "status" TEXT NOT NULL,
    "conclusion" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GithubCheckSuite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GithubCheckRun" (
    "id" TEXT NOT NULL,
    "repoId" UUID NOT NULL,
    "commitOid" TEXT NOT NULL,
    "suiteId" TEXT,
    "kind" TEXT NOT NULL,
    "databaseId" BIGINT,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "conclusion" TEXT,
    "startedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),
    "url" TEXT,

    CONSTRAINT "GithubCheckRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GithubRelease" (
    "id" TEXT NOT NULL,
    "repoId" UUID NOT NULL,
    "databaseId" BIGINT,
    "tagName" TEXT NOT NULL,
    "name" TEXT,
    "isDraft" BOOLEAN NOT NULL,
    "isPrerelease" BOOLEAN NOT NULL,
    "isLatest" BOOLEAN NOT NULL,
    "authorLogin" TEXT,
    "tagCommitOid" TEXT,
    "url" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GithubRelease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GithubTag" (
    "repoId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "commitOid" TEXT,
    "tagOid" TEXT,
    "annotated" BOOLEAN NOT NULL,
    "message" TEXT,
    "taggedAt" TIMESTAMPTZ(3),
    "commitDate" TIMESTAMPTZ(3),

    CONSTRAINT "GithubTag_pkey" PRIMARY KEY ("repoId","name")
);

-- CreateTable
CREATE TABLE "GithubSecurityAlert" (
    "id" TEXT NOT NULL,
    "repoId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "severity" TEXT,
    "packageName" TEXT,
    "ecosystem" TEXT,
    "manifestPath" TEXT NOT NULL,
    "vulnerableRange" TEXT,
    "vulnerableRequirements" TEXT,
    "patchedVersion" TEXT,
    "ghsaId" TEXT,
    "cveId" TEXT,
    "summary" TEXT,
    "advisoryUrl" TEXT,
    "dependencyScope" TEXT,
    "dismissReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "fixedAt" TIMESTAMPTZ(3),
    "dismissedAt" TIMESTAMPTZ(3),
    "autoDismissedAt" TIMESTAMPTZ(3),

    CONSTRAINT "GithubSecurityAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GithubRepoStatsDaily" (
    "repoId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "stars" INTEGER NOT NULL,
    "forks" INTEGER NOT NULL,
    "watchers" INTEGER NOT NULL,

    CONSTRAINT "GithubRepoStatsDaily_pkey" PRIMARY KEY ("repoId","day")
);

-- CreateTable
CREATE TABLE "GithubSyncRun" (
    "id" UUID NOT NULL,
    "repoId" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" "GithubSyncStatus" NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "resource" TEXT,
    "pages" INTEGER NOT NULL DEFAULT 0,
    "items" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "pointsUsed" INTEGER NOT NULL DEFAULT 0,
    "rateRemaining" INTEGER,
    "rateResetAt" TIMESTAMPTZ(3),
    "itemsTotal" INTEGER,
    "etaSeconds" INTEGER,
    "resumeAfter" TIMESTAMPTZ(3),
    "error" TEXT,
    "errors" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "GithubSyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GithubSyncCursor" (
    "repoId" UUID NOT NULL,
    "resource" TEXT NOT NULL,
    "watermark" TIMESTAMPTZ(3),
    "cursor" TEXT,
    "walkTop" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GithubSyncCursor_pkey" PRIMARY KEY ("repoId","resource")
);

-- CreateTable
CREATE TABLE "GithubWebhookDelivery" (
    "id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "action" TEXT,
    "repoKey" TEXT,
    "status" "GithubWebhookStatus" NOT NULL DEFAULT 'queued',
    "detail" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMPTZ(3),
    "payload" JSONB,

    CONSTRAINT "GithubWebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GithubRepository_key_key" ON "GithubRepository"("key");

-- CreateIndex
CREATE INDEX "GithubItem_repoId_kind_state_idx" ON "GithubItem"("repoId", "kind", "state");

-- CreateIndex
CREATE INDEX "GithubItem_repoId_updatedAt_idx" ON "GithubItem"("repoId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "GithubItem_repoId_number_key" ON "GithubItem"("repoId", "number");

-- CreateIndex
CREATE INDEX "GithubComment_itemId_createdAt_idx" ON "GithubComment"("itemId", "createdAt");

-- CreateIndex
CREATE INDEX "GithubComment_repoId_createdAt_idx" ON "GithubComment"("repoId", "createdAt");

-- CreateIndex
CREATE INDEX "GithubItemEvent_itemId_createdAt_idx" ON "GithubItemEvent"("itemId", "createdAt");

-- CreateIndex
CREATE INDEX "GithubItemEvent_repoId_kind_label_idx" ON "GithubItemEvent"("repoId", "kind", "label");

-- CreateIndex
CREATE INDEX "GithubReview_itemId_idx" ON "GithubReview"("itemId");

-- CreateIndex
CREATE INDEX "GithubLabel_repoId_name_idx" ON "GithubLabel"("repoId", "name");

-- CreateIndex
CREATE INDEX "GithubItemLabel_labelId_idx" ON "GithubItemLabel"("labelId");

-- CreateIndex
CREATE INDEX "GithubItemAssignee_login_idx" ON "GithubItemAssignee"("login");

-- CreateIndex
CREATE INDEX "GithubCommit_repoId_committedDate_idx" ON "GithubCommit"("repoId", "committedDate");

-- CreateIndex
CREATE INDEX "GithubCheckSuite_repoId_commitOid_idx" ON "GithubCheckSuite"("repoId", "commitOid");

-- CreateIndex
CREATE INDEX "GithubCheckRun_repoId_commitOid_idx" ON "GithubCheckRun"("repoId", "commitOid");

-- CreateIndex
CREATE INDEX "GithubCheckRun_suiteId_idx" ON "GithubCheckRun"("suiteId");

-- CreateIndex
CREATE INDEX "GithubRelease_repoId_createdAt_idx" ON "GithubRelease"("repoId", "createdAt");

-- CreateIndex
CREATE INDEX "GithubSecurityAlert_repoId_state_idx" ON "GithubSecurityAlert"("repoId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "GithubSecurityAlert_repoId_number_key" ON "GithubSecurityAlert"("repoId", "number");

-- CreateIndex
CREATE INDEX "GithubSyncRun_repoId_startedAt_idx" ON "GithubSyncRun"("repoId", "startedAt");

-- CreateIndex
CREATE INDEX "GithubWebhookDelivery_receivedAt_idx" ON "GithubWebhookDelivery"("receivedAt");

-- AddForeignKey
ALTER TABLE "GithubItem" ADD CONSTRAINT "GithubItem_repoId_fkey" FOREIGN KEY ("repoId") REFERENCES "GithubRepository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GithubComment" ADD CONSTRAINT "GithubComment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "GithubItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GithubItemEvent" ADD CONSTRAINT "GithubItemEvent_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "GithubItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GithubReview" ADD CONSTRAINT "GithubReview_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "GithubItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GithubLabel" ADD CONSTRAINT "GithubLabel_repoId_fkey" FOREIGN KEY ("repoId") REFERENCES "GithubRepository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GithubItemLabel" ADD CONSTRAINT "GithubItemLabel_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "GithubItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GithubItemLabel" ADD CONSTRAINT "GithubItemLabel_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "GithubLabel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GithubItemAssignee" ADD CONSTRAINT "GithubItemAssignee_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "GithubItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GithubReviewRequest" ADD CONSTRAINT "GithubReviewRequest_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "GithubItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GithubCommit" ADD CONSTRAINT "GithubCommit_repoId_fkey" FOREIGN KEY ("repoId") REFERENCES "GithubRepository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GithubCheckRun" ADD CONSTRAINT "GithubCheckRun_suiteId_fkey" FOREIGN KEY ("suiteId") REFERENCES "GithubCheckSuite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GithubRelease" ADD CONSTRAINT "GithubRelease_repoId_fkey" FOREIGN KEY ("repoId") REFERENCES "GithubRepository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GithubTag" ADD CONSTRAINT "GithubTag_repoId_fkey" FOREIGN KEY ("repoId") REFERENCES "GithubRepository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GithubSecurityAlert" ADD CONSTRAINT "GithubSecurityAlert_repoId_fkey" FOREIGN KEY ("repoId") REFERENCES "GithubRepository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GithubRepoStatsDaily" ADD CONSTRAINT "GithubRepoStatsDaily_repoId_fkey" FOREIGN KEY ("repoId") REFERENCES "GithubRepository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GithubSyncRun" ADD CONSTRAINT "GithubSyncRun_repoId_fkey" FOREIGN KEY ("repoId") REFERENCES "GithubRepository"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GithubSyncCursor" ADD CONSTRAINT "GithubSyncCursor_repoId_fkey" FOREIGN KEY ("repoId") REFERENCES "GithubRepository"("id") ON DELETE CASCADE ON UPDATE CASCADE;
