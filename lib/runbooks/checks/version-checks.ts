// Procedure steps observed from data, matched to the run's release version: the tag named for that version, the
// published release of that tag, CI on the tagged commit. Versions compare with semver, tolerant of a "v" prefix.
import semver from "semver";
import { db } from "@/lib/db";
import { deriveCiState } from "@/lib/github/overview/ci";
import { enabledRepoIds } from "./github-checks";
import type { CheckContext, CheckResult } from "./ids";

type ProcedureCheckId = "github.tag_appeared" | "github.release_published" | "github.commit_ci_green";

/** The normalised form of a version or tag name ("v1.2.3" → "1.2.3"); null when it is not a version. */
export function versionOf(name: string): string | null {
  return semver.valid(semver.clean(name, { loose: true }) ?? "") ?? null;
}

/** True when the tag or release name is the run's version (semver equality; exact text when either is no semver). */
export function sameVersion(name: string, version: string): boolean {
  const a = versionOf(name);
  const b = versionOf(version);
  if (a && b) return semver.eq(a, b);
  return name.trim().replace(/^v/i, "") === version.trim().replace(/^v/i, "");
}

const fail = (id: ProcedureCheckId, display: string, pass = false, value: number | null = 0): CheckResult => ({
  id,
  status: pass ? "pass" : "fail",
  value,
  display,
  evidenceUrl: "/releases",
});

/** Evaluates one observable step for `ctx.procedure.version`; a run without a version never passes (tick by hand). */
export async function versionCheck(id: ProcedureCheckId, ctx: CheckContext): Promise<CheckResult> {
  const version = ctx.procedure?.version?.trim();
  if (!version)
    return {
      id,
      status: "not_connected",
      value: null,
      display: "not connected: this run has no release version (tick it by hand)",
      evidenceUrl: "/releases",
    };
  const repoIds = await enabledRepoIds({
    ...ctx,
    scope: ctx.procedure?.repoId ? { repoIds: [ctx.procedure.repoId] } : ctx.scope,
  });
  if (repoIds.length === 0)
    return {
      id,
      status: "not_connected",
      value: null,
      display: "not connected: no repository synced yet",
      evidenceUrl: "/releases",
    };
  const core = versionOf(version) ?? version.replace(/^v/i, "");
  const [tags, releases] = await Promise.all([
    db.githubTag.findMany({
      where: { repoId: { in: repoIds }, name: { contains: core } },
      select: { repoId: true, name: true, commitOid: true },
    }),
    db.githubRelease.findMany({
      where: { repoId: { in: repoIds }, tagName: { contains: core }, isDraft: false, publishedAt: { not: null } },
      select: { repoId: true, tagName: true, tagCommitOid: true, url: true },
    }),
  ]);
  const tag = tags.find((t) => sameVersion(t.name, version)) ?? null;
  const release = releases.find((r) => sameVersion(r.tagName, version)) ?? null;
  if (id === "github.tag_appeared")
    return tag ? fail(id, `tag ${tag.name} exists`, true, 1) : fail(id, `no tag ${version} yet`);
  if (id === "github.release_published")
    return release
      ? { ...fail(id, `release ${release.tagName} is published`, true, 1), evidenceUrl: release.url }
      : fail(id, `no published release ${version}`);
  const oid = tag?.commitOid ?? release?.tagCommitOid ?? null;
  const repoId = tag?.repoId ?? release?.repoId;
  if (!oid || !repoId) return fail(id, `no tagged commit for ${version} yet`);
  const [suites, runs, commit] = await Promise.all([
    db.githubCheckSuite.findMany({
      where: { repoId, commitOid: oid },
      select: { id: true, status: true, conclusion: true, workflowName: true, app: true },
    }),
    db.githubCheckRun.findMany({
      where: { repoId, commitOid: oid },
      select: { suiteId: true, name: true, status: true, conclusion: true },
    }),
    db.githubCommit.findUnique({ where: { repoId_oid: { repoId, oid } }, select: { checkState: true } }),
  ]);
  const state = deriveCiState(suites, runs, commit?.checkState ?? null).state;
  const short = oid.slice(0, 7);
  if (state === "success") return fail(id, `CI green on ${short} (tag ${version})`, true, 1);
  return fail(
    id,
    `CI ${state === "failure" ? "failing" : state === "none" ? "not reported" : state} on ${short} (tag ${version})`,
  );
}
