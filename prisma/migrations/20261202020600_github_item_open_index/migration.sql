-- Open issues and pull requests per repository (lib/github/overview/counts.ts: Repositories, a repository
-- overview): an index-only count of the open items instead of a sequential scan of GithubItem, which the
-- planner preferred because a quarter of the items are open (87 ms at 100,000 items, 8 ms with this index).
-- A partial index with INCLUDE, which Prisma cannot express: also in prisma/hand-written.sql.
CREATE INDEX "GithubItem_open_idx" ON "GithubItem"("repoId", kind) INCLUDE ("isDraft") WHERE state = 'OPEN' AND "removedAt" IS NULL;
