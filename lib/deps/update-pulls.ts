// Dependency-update pull requests (Dependabot, Renovate, other bots) from the synced GithubItem rows.
import "server-only";
import { db } from "@/lib/db";
import { KNOWN_UPDATE_BOT_LOGINS } from "./bots";
import { judgeUpdatePull } from "./update-pull";
import { slaFor, SLA_ORDER, targetSeconds, type SlaState, type UpdateTargets } from "./targets";
import type { UpdateClass } from "./classify";
import type { ParsedPackage } from "./titles";

export type UpdatePull = {
  repoId: string;
  number: number;
  title: string;
  url: string;
  authorLogin: string | null;
  createdAt: Date;
  isDraft: boolean;
  packages: ParsedPackage[];
  group: string | null;
  class: UpdateClass;
  severity: string | null;
  /** GitHub's status-check rollup of the head commit: SUCCESS, FAILURE, PENDING, ERROR, EXPECTED; null = no checks. */
  ciState: string | null;
  /** APPROVED, CHANGES_REQUESTED, REVIEW_REQUIRED; null when no review is required. */
  reviewState: string | null;
  ageSeconds: number;
  targetSeconds: number | null;
  dueAt: Date | null;
  sla: SlaState;
};
export type MergeStats = {
  merged: number;
  closedUnmerged: number;
  medianSecondsToMerge: number | null;
  meanSecondsToMerge: number | null;
  windowDays: number;
};

const MERGE_WINDOW_DAYS = 90;

async function candidates(repoIds: string[], where: object) {
  return db.githubItem.findMany({
    where: {
      repoId: { in: repoIds },
      kind: "pull_request",
      removedAt: null,
      OR: [{ authorType: "bot" }, { authorLogin: { in: KNOWN_UPDATE_BOT_LOGINS, mode: "insensitive" } }],
      ...where,
    },
    select: {
      repoId: true,
      number: true,
      title: true,
      body: true,
      url: true,
      authorLogin: true,
      authorType: true,
      createdAt: true,
      isDraft: true,
      checkState: true,
      reviewDecision: true,
      mergedAt: true,
      closedAt: true,
      state: true,
      labels: { select: { label: { select: { name: true } } } },
    },
    orderBy: [{ createdAt: "asc" }, { number: "asc" }],
  });
}

/** Open update PRs with their class and SLA, breached first. A PR updating a package with an open alert is a security update with that alert's severity. */
export async function listOpenUpdatePulls(
  ctx: { now: Date; targets: UpdateTargets },
  repoIds: string[],
): Promise<UpdatePull[]> {
  const [rows, alerts] = await Promise.all([
    candidates(repoIds, { state: "OPEN" }),
    db.githubSecurityAlert.findMany({
      where: { repoId: { in: repoIds }, state: "OPEN" },
      select: { repoId: true, packageName: true, severity: true, state: true },
    }),
  ]);
  const severityOf = new Map(
    alerts.filter((a) => a.packageName).map((a) => [`${a.repoId}:${a.packageName!.toLowerCase()}`, a.severity]),
  );
  const out: UpdatePull[] = [];
  for (const r of rows) {
    const facts = judgeUpdatePull({
      title: r.title,
      body: r.body,
      labels: r.labels.map((l) => l.label.name),
      authorLogin: r.authorLogin,
      authorType: r.authorType,
    });
    if (!facts.isUpdate) continue;
    const severity =
      facts.packages.map((p) => severityOf.get(`${r.repoId}:${p.name.toLowerCase()}`)).find((s) => s) ?? null;
    const cls: UpdateClass = facts.updateClass === "security" || severity ? "security" : facts.updateClass;
    const sla = slaFor(r.createdAt, targetSeconds(ctx.targets, cls, severity), ctx.now, cls !== "unknown");
    out.push({
      repoId: r.repoId,
      number: r.number,
      title: r.title,
      url: r.url,
      authorLogin: r.authorLogin,
      createdAt: r.createdAt,
      isDraft: r.isDraft ?? false,
      packages: facts.packages,
      group: facts.parsed.kind === "group" ? facts.parsed.group : null,
      class: cls,
      severity,
      ciState: r.checkState,
      reviewState: r.reviewDecision,
      ...sla,
    });
  }
  return out.sort((a, b) => SLA_ORDER[a.sla] - SLA_ORDER[b.sla] || a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * Time to merge dependency updates: over update PRs merged in the last 90 days, mergedAt − createdAt
 * (median and mean). Update PRs closed without merging in the window are counted separately.
 */
export async function getUpdateMergeStats(ctx: { now: Date }, repoIds: string[]): Promise<MergeStats> {
  const since = new Date(ctx.now.getTime() - MERGE_WINDOW_DAYS * 86_400_000);
  const rows = await candidates(repoIds, {
    state: { in: ["MERGED", "CLOSED"] },
    closedAt: { gte: since, lte: ctx.now },
  });
  const durations: number[] = [];
  let closedUnmerged = 0;
  for (const r of rows) {
    if (
      !judgeUpdatePull({
        title: r.title,
        body: r.body,
        labels: r.labels.map((l) => l.label.name),
        authorLogin: r.authorLogin,
        authorType: r.authorType,
      }).isUpdate
    )
      continue;
    if (r.state === "MERGED" && r.mergedAt)
      durations.push(Math.max(0, (r.mergedAt.getTime() - r.createdAt.getTime()) / 1000));
    else closedUnmerged++;
  }
  durations.sort((a, b) => a - b);
  const n = durations.length;
  const median = n === 0 ? null : n % 2 ? durations[(n - 1) / 2]! : (durations[n / 2 - 1]! + durations[n / 2]!) / 2;
  return {
    merged: n,
    closedUnmerged,
    medianSecondsToMerge: median === null ? null : Math.round(median),
    meanSecondsToMerge: n ? Math.round(durations.reduce((s, d) => s + d, 0) / n) : null,
    windowDays: MERGE_WINDOW_DAYS,
  };
}
