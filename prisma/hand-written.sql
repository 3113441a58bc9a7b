-- SQL Prisma cannot express; each statement is also at the end of the migration that introduced it.
-- The drift test (lib/migrations/migrations.test.ts) applies this file after the schema script.

-- One open incident per dedup key (health target): concurrent alert handlers cannot open two.
CREATE UNIQUE INDEX "Incident_open_dedupKey_key" ON "Incident"("dedupKey") WHERE "resolvedAt" IS NULL AND "dedupKey" IS NOT NULL;

-- One live completion per (run, item) of a checklist: two people ticking at once record one tick, an undo keeps
-- its row (undoneAt) and frees the slot for a new tick.
CREATE UNIQUE INDEX "ChecklistCompletion_live_key" ON "ChecklistCompletion"("runId", "itemId") WHERE "undoneAt" IS NULL;

-- Each author's first merged pull request, found by a skip scan over the logins (community.new_contributors).
CREATE INDEX "GithubItem_merged_author_idx" ON "GithubItem"("repoId", lower("authorLogin"), "mergedAt") WHERE kind = 'pull_request' AND merged AND "authorType" = 'user' AND "authorLogin" IS NOT NULL;

-- Covering indexes of the item facts (lib/metrics/facts/queries.ts): each window is read by an index-only scan.
CREATE INDEX "GithubItemFact_created_idx" ON "GithubItemFact"("repoId", "createdAt") INCLUDE (kind, removed, "clockStart", "firstCommentAt", "firstReviewAt");
CREATE INDEX "GithubItemFact_closed_idx" ON "GithubItemFact"("repoId", kind, "closedAt") INCLUDE (state, removed, merged, "createdAt", "itemId");
CREATE INDEX "GithubItemFact_merged_idx" ON "GithubItemFact"("repoId", kind, "mergedAt") INCLUDE (merged, removed, "clockStart", "createdAt");

-- Open items per repository and kind, drafts included (lib/github/overview/counts.ts): an index-only count.
CREATE INDEX "GithubItem_open_idx" ON "GithubItem"("repoId", kind) INCLUDE ("isDraft") WHERE state = 'OPEN' AND "removedAt" IS NULL;
