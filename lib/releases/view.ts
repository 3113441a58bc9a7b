// What the Releases page reads: the repository choice, its releases view and a procedure's ticks.
import "server-only";
import { db } from "@/lib/db";
import type { RepoChoice } from "@/lib/deps/view";
import { getProcedure, getReleasesView, type ReleasesView } from "./queries";
import type { ProcedureKind, TickedStep } from "./procedures";

export type ReleasesPageData = {
  repositories: RepoChoice[];
  selected: RepoChoice | null;
  view: ReleasesView | null;
  procedure: { kind: ProcedureKind; version: string; steps: TickedStep[] } | null;
};

/** Without `repoKey`, the first repository (by name) that has a release, else the first one. */
export async function getReleasesPage(ctx: {
  now: Date;
  repoKey?: string;
  procedure?: { kind: ProcedureKind; version: string };
}): Promise<ReleasesPageData> {
  const repositories = await db.githubRepository.findMany({
    where: { enabled: true },
    select: { id: true, key: true, owner: true, name: true, defaultBranch: true },
    orderBy: { key: "asc" },
  });
  let selected = ctx.repoKey ? (repositories.find((r) => r.key === ctx.repoKey!.toLowerCase()) ?? null) : null;
  if (!ctx.repoKey && repositories.length) {
    const withRelease = await db.githubRelease.findFirst({
      where: { repoId: { in: repositories.map((r) => r.id) }, isDraft: false },
      select: { repoId: true },
      orderBy: { repo: { key: "asc" } },
    });
    selected = repositories.find((r) => r.id === withRelease?.repoId) ?? repositories[0]!;
  }
  if (!selected) return { repositories, selected: null, view: null, procedure: null };
  const view = await getReleasesView(ctx, selected);
  const kind = ctx.procedure?.kind ?? (view.unreleased.suggestedVersion ? stepOf(view) : "patch");
  const version = ctx.procedure?.version ?? view.unreleased.suggestedVersion ?? view.releases[0]?.version ?? null;
  const procedure = version ? { kind, version, steps: await getProcedure(selected, kind, version) } : null;
  return { repositories, selected, view, procedure };
}

function stepOf(view: ReleasesView): ProcedureKind {
  const groups = new Set(view.unreleased.pulls.map((p) => p.group));
  return groups.has("breaking") ? "major" : groups.has("enhancement") ? "minor" : "patch";
}
