-- CreateTable
CREATE TABLE "GithubItemFact" (
    "itemId" TEXT NOT NULL,
    "repoId" UUID NOT NULL,
    "kind" "GithubItemKind" NOT NULL,
    "state" TEXT NOT NULL,
    "removed" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "merged" BOOLEAN NOT NULL,
    "mergedAt" TIMESTAMPTZ(3),
    "firstCommentAt" TIMESTAMPTZ(3),
    "firstReviewAt" TIMESTAMPTZ(3),
    "clockStart" TIMESTAMPTZ(3),
    "closeEvents" TIMESTAMPTZ(3)[],
    "reopenEvents" TIMESTAMPTZ(3)[],
    "refreshedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GithubItemFact_pkey" PRIMARY KEY ("itemId")
);

-- CreateTable
CREATE TABLE "GithubItemFactState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "ignoreLogins" TEXT NOT NULL,
    "builtAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GithubItemFactState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GithubItemFact_repoId_createdAt_idx" ON "GithubItemFact"("repoId", "createdAt");

-- CreateIndex
CREATE INDEX "GithubItemFact_repoId_kind_closedAt_idx" ON "GithubItemFact"("repoId", "kind", "closedAt");

-- CreateIndex
CREATE INDEX "GithubItemFact_repoId_kind_mergedAt_idx" ON "GithubItemFact"("repoId", "kind", "mergedAt");

-- AddForeignKey
ALTER TABLE "GithubItemFact" ADD CONSTRAINT "GithubItemFact_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "GithubItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
