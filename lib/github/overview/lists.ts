// Lists for a repository's overview: pull requests waiting for review (longest wait first), newest issues.
import "server-only";
import { db } from "@/lib/db";
import { OPEN_ITEM } from "./counts";

export const LIST_SIZE = 8;
export type ItemLink = { number: number; title: string; url: string; authorLogin: string | null; since: Date };

/**
 * Open, non-draft pull requests without an approving or change-requesting review decision, longest waiting
 * first; they wait since they became ready for review (or were opened).
 */
export async function listPullsAwaitingReview(repoId: string): Promise<{ count: number; items: ItemLink[] }> {
  const rows = await db.$queryRaw<Array<ItemLink & { total: number }>>`
    SELECT number, title, url, "authorLogin", COALESCE("readyForReviewAt", "createdAt") AS since, (count(*) OVER ())::int AS total
    FROM "GithubItem"
    WHERE "repoId" = ${repoId}::uuid AND kind = 'pull_request' AND state = 'OPEN' AND "removedAt" IS NULL AND "isDraft" IS NOT TRUE
      AND ("reviewDecision" IS NULL OR "reviewDecision" = 'REVIEW_REQUIRED')
    ORDER BY since ASC, number ASC LIMIT ${LIST_SIZE}`;
  return { count: rows[0]?.total ?? 0, items: rows.map(({ total: _total, ...item }) => item) };
}

/** The newest open issues. */
export async function listNewestIssues(repoId: string): Promise<ItemLink[]> {
  const rows = await db.githubItem.findMany({
    where: { repoId, kind: "issue", ...OPEN_ITEM },
    orderBy: [{ createdAt: "desc" }, { number: "desc" }],
    take: LIST_SIZE,
    select: { number: true, title: true, url: true, authorLogin: true, createdAt: true },
  });
  return rows.map((r) => ({
    number: r.number,
    title: r.title,
    url: r.url,
    authorLogin: r.authorLogin,
    since: r.createdAt,
  }));
}

/** The repository's web address, from any synced item or commit address (".../owner/name/issues/1" → ".../owner/name"). */
export function repositoryWebUrl(sample: string | null | undefined): string | null {
  const m = sample ? /^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/(?:issues|pull|commit|releases)\b/.exec(sample) : null;
  return m ? m[1]! : null;
}
