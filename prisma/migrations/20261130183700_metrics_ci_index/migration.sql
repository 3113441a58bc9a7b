-- CreateIndex
CREATE INDEX "GithubCheckSuite_repoId_updatedAt_idx" ON "GithubCheckSuite"("repoId", "updatedAt");
