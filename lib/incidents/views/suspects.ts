// Suspect changes: releases published and default-branch CI failures in the hours before an
// incident started, from the synced GitHub tables. Limited to the incident's repositories when it names any.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NewEvent } from "../lifecycle/timeline";

export const SUSPECT_WINDOW_HOURS = 6;

export async function findSuspectChanges(
  tx: Prisma.TransactionClient,
  startedAt: Date,
  repositories: string[],
): Promise<NewEvent[]> {
  const from = new Date(startedAt.getTime() - SUSPECT_WINDOW_HOURS * 3600_000);
  const repoFilter = repositories.length > 0 ? { key: { in: repositories.map((r) => r.toLowerCase()) } } : {};
  const releases = await tx.githubRelease.findMany({
    where: { isDraft: false, publishedAt: { gte: from, lte: startedAt }, repo: repoFilter },
    include: { repo: { select: { key: true } } },
    orderBy: { publishedAt: "desc" },
    take: 10,
  });
  const failures = await tx.$queryRaw<
    Array<{ key: string; oid: string; headline: string; url: string; workflow: string | null; at: Date }>
  >`
    SELECT r."key", c."oid", c."messageHeadline" AS headline, c."url", s."workflowName" AS workflow, s."updatedAt" AS at
    FROM "GithubCheckSuite" s JOIN "GithubCommit" c ON c."repoId" = s."repoId" AND c."oid" = s."commitOid"
    JOIN "GithubRepository" r ON r."id" = s."repoId"
    WHERE s."conclusion" IN ('FAILURE', 'TIMED_OUT', 'STARTUP_FAILURE') AND s."updatedAt" BETWEEN ${from} AND ${startedAt}
      AND (${repositories.length === 0} OR r."key" = ANY(${repositories.map((r) => r.toLowerCase())}::text[]))
    ORDER BY s."updatedAt" DESC LIMIT 10`;
  return [
    ...releases.map((r): NewEvent => ({
      kind: "suspect_release",
      source: "github",
      at: r.publishedAt!,
      body: `Release ${r.name || r.tagName} of ${r.repo.key} published ${ago(startedAt, r.publishedAt!)} before the start`,
      detail: { repository: r.repo.key, tag: r.tagName, url: r.url },
    })),
    ...failures.map((f): NewEvent => ({
      kind: "suspect_ci",
      source: "github",
      at: f.at,
      body: `CI failed on the default branch of ${f.key}${f.workflow ? ` (${f.workflow})` : ""}: ${f.headline} — ${ago(startedAt, f.at)} before the start`,
      detail: { repository: f.key, commit: f.oid, url: f.url },
    })),
  ];
}

function ago(later: Date, earlier: Date): string {
  const minutes = Math.round((later.getTime() - earlier.getTime()) / 60_000);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
