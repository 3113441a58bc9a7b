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
    "firstCommentLogin" TEXT,
    "firstReviewAt" TIMESTAMPTZ(3),
    "firstReviewLogin" TEXT,
    "clockStart" TIMESTAMPTZ(3),
    "closeEvents" TIMESTAMPTZ(3)[],
    "reopenEvents" TIMESTAMPTZ(3)[],
    "refreshedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GithubItemFact_pkey" PRIMARY KEY ("itemId")
);

-- CreateIndex
CREATE INDEX "GithubItemFact_repoId_createdAt_idx" ON "GithubItemFact"("repoId", "createdAt");

-- CreateIndex
CREATE INDEX "GithubItemFact_repoId_kind_closedAt_idx" ON "GithubItemFact"("repoId", "kind", "closedAt");

-- CreateIndex
CREATE INDEX "GithubItemFact_repoId_kind_mergedAt_idx" ON "GithubItemFact"("repoId", "kind", "mergedAt");

-- AddForeignKey
ALTER TABLE "GithubItemFact" ADD CONSTRAINT "GithubItemFact_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "GithubItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: the facts of every stored item (lib/metrics/facts/refresh.ts, REBUILD_ITEM_FACTS).
INSERT INTO "GithubItemFact" ("itemId", "repoId", kind, state, removed, "createdAt", "closedAt", merged, "mergedAt",
    "firstCommentAt", "firstCommentLogin", "firstReviewAt", "firstReviewLogin", "clockStart", "closeEvents", "reopenEvents", "refreshedAt")
  SELECT g.id, g."repoId", g.kind, g.state, g."removedAt" IS NOT NULL, g."createdAt", g."closedAt", coalesce(g.merged, false), g."mergedAt",
    fc."createdAt", fc."authorLogin", fr."submittedAt", fr."authorLogin",
    CASE WHEN g.kind = 'pull_request' THEN CASE WHEN f.kind = 'ready_for_review' THEN f."createdAt"
  WHEN f.kind = 'convert_to_draft' THEN g."createdAt"
  WHEN coalesce(g."isDraft", false) THEN NULL ELSE g."createdAt" END END,
    coalesce((SELECT array_agg(e."createdAt" ORDER BY e."createdAt") FROM "GithubItemEvent" e WHERE e."itemId" = g.id AND e.kind = 'closed'), '{}'),
    coalesce((SELECT array_agg(e."createdAt" ORDER BY e."createdAt") FROM "GithubItemEvent" e WHERE e."itemId" = g.id AND e.kind = 'reopened'), '{}'),
    now()
  FROM "GithubItem" g LEFT JOIN LATERAL (SELECT e.kind, e."createdAt" FROM "GithubItemEvent" e
  WHERE e."itemId" = g.id AND e.kind IN ('ready_for_review', 'convert_to_draft') ORDER BY e."createdAt", e.id LIMIT 1) f ON g.kind = 'pull_request'
  LEFT JOIN LATERAL (SELECT cm."createdAt", cm."authorLogin" FROM "GithubComment" cm WHERE cm."itemId" = g.id AND cm."authorType" = 'user' AND cm."authorLogin" IS NOT NULL
    AND lower(cm."authorLogin") <> lower(coalesce(g."authorLogin", ''))
    ORDER BY cm."createdAt", cm.id LIMIT 1) fc ON true
  LEFT JOIN LATERAL (SELECT r."submittedAt", r."authorLogin" FROM "GithubReview" r WHERE r."itemId" = g.id AND r."submittedAt" IS NOT NULL
    AND r.state <> 'PENDING' AND r."authorType" = 'user' AND r."authorLogin" IS NOT NULL
    AND lower(r."authorLogin") <> lower(coalesce(g."authorLogin", '')) ORDER BY r."submittedAt", r.id LIMIT 1) fr ON true
  WHERE TRUE
  ON CONFLICT ("itemId") DO UPDATE SET "repoId" = excluded."repoId", kind = excluded.kind, state = excluded.state,
    removed = excluded.removed, "createdAt" = excluded."createdAt", "closedAt" = excluded."closedAt", merged = excluded.merged,
    "mergedAt" = excluded."mergedAt", "firstCommentAt" = excluded."firstCommentAt", "firstCommentLogin" = excluded."firstCommentLogin",
    "firstReviewAt" = excluded."firstReviewAt", "firstReviewLogin" = excluded."firstReviewLogin", "clockStart" = excluded."clockStart",
    "closeEvents" = excluded."closeEvents", "reopenEvents" = excluded."reopenEvents", "refreshedAt" = excluded."refreshedAt";
