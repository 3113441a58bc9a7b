// Checks over synced GitHub data, reusing lib/github/overview (CI state, alert counts) instead of restating its rules.
import { db } from "@/lib/db";
import { getDefaultBranchCi } from "@/lib/github/overview/ci";
import { countOpenAlerts } from "@/lib/github/overview/counts";
import type { CheckContext, CheckResult } from "./ids";

const HOUR = 3_600_000;

/** Enabled repositories synced at least once: before its first sync a repository's counts are unknown, not zero. */
export async function enabledRepoIds(ctx: CheckContext): Promise<string[]> {
  const where = {
    enabled: true,
    lastSyncAt: { not: null },
    ...(ctx.scope?.repoIds ? { id: { in: ctx.scope.repoIds } } : {}),
  };
  return (await db.githubRepository.findMany({ where, select: { id: true } })).map((r) => r.id);
}

const notConnected = (id: CheckResult["id"], evidenceUrl: string): CheckResult => ({
  id,
  status: "not_connected",
  value: null,
  display: "not connected: no repository synced yet",
  evidenceUrl,
});
const result = (
  id: CheckResult["id"],
  value: number,
  display: string,
  evidenceUrl: string,
  pass = value === 0,
): CheckResult => ({ id, status: pass ? "pass" : "fail", value, display, evidenceUrl });

export async function newItemsCheck(ctx: CheckContext): Promise<CheckResult> {
  const repoIds = await enabledRepoIds(ctx);
  if (repoIds.length === 0) return notConnected("github.new_items", "/repositories");
  const items = await db.githubItem.findMany({
    where: {
      repoId: { in: repoIds },
      kind: { in: ["issue", "pull_request"] }, // both kinds: lets the (repoId, kind, createdAt) index serve the range
      removedAt: null,
      createdAt: { gte: new Date(ctx.now.getTime() - 24 * HOUR), lte: ctx.now },
    },
    select: { commentCount: true, _count: { select: { labels: true, reviews: true } } },
  });
  const unanswered = items.filter(
    (i) => i.commentCount === 0 && i._count.labels === 0 && i._count.reviews === 0,
  ).length;
  return result(
    "github.new_items",
    unanswered,
    `${items.length} new, ${unanswered} without label, comment or review`,
    "/repositories",
  );
}

export async function prsWaitingCheck(ctx: CheckContext): Promise<CheckResult> {
  const repoIds = await enabledRepoIds(ctx);
  if (repoIds.length === 0) return notConnected("github.prs_waiting_review", "/repositories");
  const cutoff = new Date(ctx.now.getTime() - 72 * HOUR);
  const waiting = await db.githubItem.count({
    where: {
      repoId: { in: repoIds },
      kind: "pull_request",
      state: "OPEN",
      removedAt: null,
      reviews: { none: {} },
      AND: [
        { OR: [{ isDraft: false }, { isDraft: null }] }, // NULL-safe: "not a draft"
        { OR: [{ readyForReviewAt: { lte: cutoff } }, { readyForReviewAt: null, createdAt: { lte: cutoff } }] },
      ],
    },
  });
  return result(
    "github.prs_waiting_review",
    waiting,
    `${waiting} open PR${waiting === 1 ? "" : "s"} without a review for more than 3 days`,
    "/repositories",
  );
}

export async function ciFailingCheck(ctx: CheckContext): Promise<CheckResult> {
  const repoIds = await enabledRepoIds(ctx);
  if (repoIds.length === 0) return notConnected("github.ci_failing", "/repositories");
  const ci = await getDefaultBranchCi(repoIds);
  const failing = [...ci.values()].filter((c) => c.state === "failure").length;
  return result(
    "github.ci_failing",
    failing,
    failing === 0
      ? `CI passing or pending on ${repoIds.length} default branch(es)`
      : `${failing} default branch(es) failing`,
    "/repositories",
  );
}

export async function securityAlertsCheck(ctx: CheckContext): Promise<CheckResult> {
  const repoIds = await enabledRepoIds(ctx);
  if (repoIds.length === 0) return notConnected("github.security_alerts", "/repositories");
  const counts = await countOpenAlerts(repoIds);
  const high = [...counts.values()].reduce((n, c) => n + c.bySeverity.CRITICAL + c.bySeverity.HIGH, 0);
  return result(
    "github.security_alerts",
    high,
    `${high} open critical/high alert${high === 1 ? "" : "s"}`,
    "/repositories",
  );
}

export async function syncStaleCheck(ctx: CheckContext): Promise<CheckResult> {
  const repoIds = (
    await db.githubRepository.findMany({
      where: { enabled: true, ...(ctx.scope?.repoIds ? { id: { in: ctx.scope.repoIds } } : {}) },
      select: { id: true },
    })
  ).map((r) => r.id);
  if (repoIds.length === 0) return notConnected("github.sync_stale", "/settings/repositories");
  const last = await db.githubSyncRun.groupBy({
    by: ["repoId"],
    where: { repoId: { in: repoIds }, status: "succeeded" },
    _max: { finishedAt: true },
  });
  const fresh = new Set(
    last
      .filter((l) => l._max.finishedAt && l._max.finishedAt.getTime() >= ctx.now.getTime() - HOUR)
      .map((l) => l.repoId),
  );
  const stale = repoIds.filter((id) => !fresh.has(id)).length;
  return result(
    "github.sync_stale",
    stale,
    `${stale} of ${repoIds.length} repositories without a successful sync in the last hour`,
    "/settings/repositories",
  );
}
