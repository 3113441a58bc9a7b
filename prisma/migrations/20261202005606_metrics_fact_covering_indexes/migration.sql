-- DropIndex
DROP INDEX "GithubItemFact_repoId_createdAt_idx";

-- DropIndex
DROP INDEX "GithubItemFact_repoId_kind_closedAt_idx";

-- DropIndex
DROP INDEX "GithubItemFact_repoId_kind_mergedAt_idx";

-- The item KPIs' windows read from the index alone (an index-only scan) instead of one heap page per
-- fact: at 100,000 items a cold 12-month Metrics page read each month's facts from ~7,600 scattered heap
-- pages. INCLUDE is SQL Prisma cannot express: also in prisma/hand-written.sql.
CREATE INDEX "GithubItemFact_created_idx" ON "GithubItemFact"("repoId", "createdAt") INCLUDE (kind, removed, "clockStart", "firstCommentAt", "firstReviewAt");
CREATE INDEX "GithubItemFact_closed_idx" ON "GithubItemFact"("repoId", kind, "closedAt") INCLUDE (state, removed, merged, "createdAt", "itemId");
CREATE INDEX "GithubItemFact_merged_idx" ON "GithubItemFact"("repoId", kind, "mergedAt") INCLUDE (merged, removed, "clockStart", "createdAt");
