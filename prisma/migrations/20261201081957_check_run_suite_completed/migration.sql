-- DropIndex
DROP INDEX "GithubCheckRun_suiteId_idx";

-- CreateIndex
CREATE INDEX "GithubCheckRun_suiteId_completedAt_idx" ON "GithubCheckRun"("suiteId", "completedAt");
