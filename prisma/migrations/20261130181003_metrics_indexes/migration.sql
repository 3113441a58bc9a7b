-- CreateIndex
CREATE INDEX "GithubItem_repoId_kind_createdAt_idx" ON "GithubItem"("repoId", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "GithubItem_repoId_kind_closedAt_idx" ON "GithubItem"("repoId", "kind", "closedAt");

-- CreateIndex
CREATE INDEX "GithubItem_repoId_kind_mergedAt_idx" ON "GithubItem"("repoId", "kind", "mergedAt");

-- CreateIndex
CREATE INDEX "GithubItemEvent_repoId_kind_createdAt_idx" ON "GithubItemEvent"("repoId", "kind", "createdAt");
