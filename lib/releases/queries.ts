// Releases of one repository from the synced GithubRelease/GithubTag rows: history with classes,
// cadence against the targets, unreleased merged PRs and the observable steps of a release procedure.
import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isKnownUpdateBot } from "@/lib/deps/bots";
import { deriveCiState } from "@/lib/github/overview/ci";
import { computeCadence, parseCadence, type CadenceLine, type ReleaseClass } from "./cadence";
import { changelogDraft, groupOf, stepFor, type UnreleasedPull } from "./changelog";
import { classifyReleases, suggestNextVersion } from "./classify";
import { tickSteps, type ObservedFacts, type ProcedureKind, type TickedStep } from "./procedures";

export type ReleaseEntry = {
  tagName: string;
  name: string | null;
  version: string;
  class: ReleaseClass;
  previous: string | null;
  isPrerelease: boolean;
  isLatest: boolean;
  authorLogin: string | null;
  publishedAt: Date;
  url: string;
  tagCommitOid: string | null;
  /** The GitHub release's description (Markdown, untrusted), null when empty. */
  body: string | null;
  /** The release's own notes (Markdown), else the annotated tag's message, else null. */
  notes: string | null;
  notesSource: "release" | "tag" | null;
};
export type UnreleasedView = {
  sinceVersion: string | null;
  since: Date | null;
  pulls: UnreleasedPull[];
  suggestedVersion: string | null;
  draft: string;
};
export type ReleasesView = {
  releases: ReleaseEntry[];
  tagsWithoutRelease: number;
  cadence: CadenceLine[];
  unreleased: UnreleasedView;
};
type Repo = { id: string; defaultBranch: string | null };

function notesOf(
  body: string | null,
  tagMessage: string | null | undefined,
): Pick<ReleaseEntry, "notes" | "notesSource"> {
  if (body?.trim()) return { notes: body, notesSource: "release" };
  if (tagMessage?.trim()) return { notes: tagMessage, notesSource: "tag" };
  return { notes: null, notesSource: null };
}

/** Published releases (drafts never), newest first; unpublished non-drafts count from their creation date. */
export async function listReleases(repoId: string): Promise<ReleaseEntry[]> {
  const [rows, tags] = await Promise.all([
    db.githubRelease.findMany({ where: { repoId, isDraft: false }, orderBy: [{ createdAt: "desc" }] }),
    db.githubTag.findMany({ where: { repoId, annotated: true }, select: { name: true, message: true } }),
  ]);
  const messages = new Map(tags.map((t) => [t.name, t.message]));
  const classified = classifyReleases(rows.map((r) => ({ ...r, version: r.tagName })));
  return classified
    .map((r) => ({
      tagName: r.tagName,
      name: r.name,
      version: r.tagName,
      class: r.isPrerelease && r.class !== "unknown" ? "prerelease" : r.class,
      previous: r.previous,
      isPrerelease: r.isPrerelease,
      isLatest: r.isLatest,
      authorLogin: r.authorLogin,
      publishedAt: r.publishedAt ?? r.createdAt,
      url: r.url,
      tagCommitOid: r.tagCommitOid,
      body: r.body?.trim() ? r.body : null,
      ...notesOf(r.body, messages.get(r.tagName)),
    }))
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
}

/** Merged into the default branch after the newest non-pre-release (all merged PRs when there is none). */
export async function listUnreleasedPulls(repo: Repo, since: Date | null): Promise<UnreleasedPull[]> {
  const rows = await db.githubItem.findMany({
    where: {
      repoId: repo.id,
      kind: "pull_request",
      state: "MERGED",
      removedAt: null,
      ...(repo.defaultBranch ? { baseRef: repo.defaultBranch } : {}),
      ...(since ? { mergedAt: { gt: since } } : {}),
    },
    select: {
      number: true,
      title: true,
      url: true,
      authorLogin: true,
      authorType: true,
      mergedAt: true,
      labels: { select: { label: { select: { name: true } } } },
    },
    orderBy: [{ mergedAt: "asc" }, { number: "asc" }],
    take: 500,
  });
  return rows.map((r) => {
    const labels = r.labels.map((l) => l.label.name);
    return {
      number: r.number,
      title: r.title,
      url: r.url,
      authorLogin: r.authorLogin,
      mergedAt: r.mergedAt!,
      labels,
      group: groupOf(labels, isKnownUpdateBot(r.authorLogin), r.title),
    };
  });
}

export async function getReleasesView(ctx: { now: Date }, repo: Repo): Promise<ReleasesView> {
  const [releases, tagCount] = await Promise.all([
    listReleases(repo.id),
    db.githubTag.count({ where: { repoId: repo.id } }),
  ]);
  const cadence = computeCadence(
    releases.map((r) => ({ version: r.version, cls: r.class, at: r.publishedAt })),
    parseCadence(getEnv().STEWARD_RELEASE_CADENCE),
    ctx.now,
  );
  const latest = releases.find((r) => !r.isPrerelease) ?? null;
  const pulls = await listUnreleasedPulls(repo, latest?.publishedAt ?? null);
  const suggestedVersion = pulls.length ? suggestNextVersion(latest?.version ?? null, stepFor(pulls)) : null;
  const tagsWithRelease = new Set(releases.map((r) => r.tagName)).size;
  return {
    releases,
    tagsWithoutRelease: Math.max(0, tagCount - tagsWithRelease),
    cadence,
    unreleased: {
      sinceVersion: latest?.version ?? null,
      since: latest?.publishedAt ?? null,
      pulls,
      suggestedVersion,
      draft: changelogDraft(suggestedVersion, ctx.now.toISOString().slice(0, 10), pulls),
    },
  };
}

/** Observable facts for version `version` (with or without the "v"). */
export async function getProcedure(repo: Repo, kind: ProcedureKind, version: string): Promise<TickedStep[]> {
  const names = [...new Set([version, version.startsWith("v") ? version.slice(1) : `v${version}`])];
  const [tag, release] = await Promise.all([
    db.githubTag.findFirst({ where: { repoId: repo.id, name: { in: names } }, select: { commitOid: true } }),
    db.githubRelease.findFirst({
      where: { repoId: repo.id, tagName: { in: names }, isDraft: false, publishedAt: { not: null } },
      select: { tagCommitOid: true },
    }),
  ]);
  const oid = tag?.commitOid ?? release?.tagCommitOid ?? null;
  let ciState: ObservedFacts["ciState"] = "none";
  if (oid) {
    const [suites, runs, commit] = await Promise.all([
      db.githubCheckSuite.findMany({
        where: { repoId: repo.id, commitOid: oid },
        select: { id: true, status: true, conclusion: true, workflowName: true, app: true },
      }),
      db.githubCheckRun.findMany({
        where: { repoId: repo.id, commitOid: oid },
        select: { suiteId: true, name: true, status: true, conclusion: true },
      }),
      db.githubCommit.findUnique({ where: { repoId_oid: { repoId: repo.id, oid } }, select: { checkState: true } }),
    ]);
    const state = deriveCiState(suites, runs, commit?.checkState ?? null).state;
    ciState = state === "success" ? "green" : state === "failure" ? "failing" : state;
  }
  return tickSteps(kind, version, { tagExists: tag !== null, releasePublished: release !== null, ciState });
}
