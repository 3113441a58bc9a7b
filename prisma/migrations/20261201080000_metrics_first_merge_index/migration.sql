-- Each author's first merged pull request (community.new_contributors, lib/metrics/other-queries.ts): a skip scan
-- over the distinct logins and one index step per login, instead of reading every merged pull request per request.
-- An expression and partial index Prisma cannot express: also in prisma/hand-written.sql.
CREATE INDEX "GithubItem_merged_author_idx" ON "GithubItem"("repoId", lower("authorLogin"), "mergedAt") WHERE kind = 'pull_request' AND merged AND "authorType" = 'user' AND "authorLogin" IS NOT NULL;
