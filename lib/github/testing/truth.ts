// The generator's ground truth and the database, each reduced to the same comparable shape.
import { db } from "@/lib/db";
import type { RepoTruth } from "@/lib/github/test-server";

type ActorTruth = NonNullable<RepoTruth["items"][number]["author"]>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString().replace(".000Z", "Z") : null);
const actor = (a: ActorTruth | null) =>
  a ? { login: a.login, type: a.type === "Bot" ? "bot" : "user" } : { login: null, type: "ghost" };
const sorted = <T>(values: T[]) => [...values].sort();
/** Events at the same second (unlabel P1, label P2) have no defined order: compare them sorted. */
const byEvent = <T extends { at: string; action: string; label: string }>(events: T[]) =>
  [...events].sort((a, b) => `${a.at} ${a.action} ${a.label}`.localeCompare(`${b.at} ${b.action} ${b.label}`));

export function expectedItems(truth: RepoTruth) {
  return truth.items
    .map((i) => ({
      id: i.id,
      databaseId: i.databaseId,
      number: i.number,
      kind: i.kind === "Issue" ? "issue" : "pull_request",
      title: i.title.replaceAll("\u0000", ""),
      body: i.body.replaceAll("\u0000", ""),
      state: i.state,
      stateReason: i.stateReason,
      author: actor(i.author),
      labels: i.labels,
      assignees: i.assignees,
      milestone: i.milestone,
      createdAt: i.createdAt,
      updatedAt: i.updatedAt,
      closedAt: i.closedAt,
      commentCount: i.commentCount,
      storedComments: i.commentCount,
      labelEvents: byEvent(i.labelEvents),
      reopenedCount: i.reopenedCount,
      pull: i.pull && {
        ...i.pull,
        reviews: sorted(i.pull.reviews.map((r) => `${r.submittedAt} ${r.author ?? "ghost"} ${r.state}`)),
        requestedReviewers: sorted(i.pull.requestedReviewers),
        failedCheckRuns: sorted(i.pull.failedCheckRuns),
      },
    }))
    .sort((a, b) => a.number - b.number);
}

export async function storedItems(repoId: string) {
  const items = await db.githubItem.findMany({
    where: { repoId },
    orderBy: { number: "asc" },
    include: {
      labels: { include: { label: true } },
      assignees: true,
      reviews: true,
      reviewRequests: true,
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      _count: { select: { comments: true } },
    },
  });
  const failed = await db.githubCheckRun.findMany({
    where: { repoId, conclusion: { notIn: ["SUCCESS", "NEUTRAL", "SKIPPED"] } },
    select: { commitOid: true, name: true, conclusion: true },
  });
  return items.map((i) => ({
    id: i.id,
    databaseId: Number(i.databaseId),
    number: i.number,
    kind: i.kind,
    title: i.title,
    body: i.body,
    state: i.state,
    stateReason: i.stateReason,
    author: { login: i.authorLogin, type: i.authorType },
    labels: sorted(i.labels.map((l) => l.label.name)),
    assignees: sorted(i.assignees.map((a) => a.login)),
    milestone: i.milestone,
    createdAt: iso(i.createdAt),
    updatedAt: iso(i.updatedAt),
    closedAt: iso(i.closedAt),
    commentCount: i.commentCount,
    storedComments: i._count.comments,
    labelEvents: byEvent(
      i.events
        .filter((e) => e.kind === "labeled" || e.kind === "unlabeled")
        .map((e) => ({ action: e.kind, label: e.label ?? "", actor: e.actorLogin, at: iso(e.createdAt) ?? "" })),
    ),
    reopenedCount: i.events.filter((e) => e.kind === "reopened").length,
    pull:
      i.kind === "issue"
        ? null
        : {
            isDraft: i.isDraft,
            readyForReviewAt: iso(i.readyForReviewAt),
            merged: i.merged,
            mergedAt: iso(i.mergedAt),
            mergedBy: i.mergedByLogin,
            reviews: sorted(i.reviews.map((r) => `${iso(r.submittedAt)} ${r.authorLogin ?? "ghost"} ${r.state}`)),
            requestedReviewers: sorted(i.reviewRequests.map((r) => r.reviewer)),
            headCheckState: i.checkState,
            failedCheckRuns: sorted(
              failed.filter((r) => r.commitOid === i.headOid && r.conclusion !== null).map((r) => r.name),
            ),
          },
  }));
}

export function expectedRepo(truth: RepoTruth) {
  return {
    releases: truth.releases
      .map((r) => ({
        tagName: r.tagName,
        body: r.description || null,
        isDraft: r.isDraft,
        isPrerelease: r.isPrerelease,
        publishedAt: r.publishedAt,
        author: r.author,
      }))
      .sort((a, b) => a.tagName.localeCompare(b.tagName)),
    tags: truth.tags
      .map((t) => ({ name: t.name, annotated: t.annotated, commitOid: t.commitOid }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    alerts: truth.alerts.map((a) => ({ ...a })).sort((a, b) => a.number - b.number),
    stats: { stars: truth.stargazerCount, forks: truth.forkCount, watchers: truth.watcherCount },
  };
}

export async function storedRepo(repoId: string) {
  const [releases, tags, alerts, stats] = await Promise.all([
    db.githubRelease.findMany({ where: { repoId } }),
    db.githubTag.findMany({ where: { repoId } }),
    db.githubSecurityAlert.findMany({ where: { repoId }, orderBy: { number: "asc" } }),
    db.githubRepoStatsDaily.findFirst({ where: { repoId } }),
  ]);
  return {
    releases: releases
      .map((r) => ({
        tagName: r.tagName,
        body: r.body,
        isDraft: r.isDraft,
        isPrerelease: r.isPrerelease,
        publishedAt: iso(r.publishedAt),
        author: r.authorLogin,
      }))
      .sort((a, b) => a.tagName.localeCompare(b.tagName)),
    tags: tags
      .map((t) => ({ name: t.name, annotated: t.annotated, commitOid: t.commitOid }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    alerts: alerts.map((a) => ({
      number: a.number,
      state: a.state,
      severity: a.severity,
      package: a.packageName,
      ecosystem: a.ecosystem,
      ghsaId: a.ghsaId,
      cveId: a.cveId,
      createdAt: iso(a.createdAt),
      closedAt: iso(a.fixedAt ?? a.dismissedAt ?? a.autoDismissedAt),
    })),
    stats: stats && { stars: stats.stars, forks: stats.forks, watchers: stats.watchers },
  };
}
