// Procedure runs started from elsewhere: an incident's emergency procedure and a release's procedure, both from the
// seed runbooks (an imported runbook's section of that name, else the built-in template imported paused).
import semver from "semver";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/request";
import type { StartProcedureInput, TemplateId } from "@/lib/runbooks/schemas";
import { versionOf } from "@/lib/runbooks/checks/version-checks";
import { findProcedureSection, startProcedureRun } from "./procedure-runs";

type Ctx = { actor: Actor; now?: Date };

/** Incident type → the seed runbooks' emergency procedure (titles are matched normalised, in lower case). */
export const EMERGENCY_PROCEDURES: Record<string, { titles: RegExp; template: TemplateId }> = {
  outage: { titles: /system outage/, template: "service-maintenance" },
  security: { titles: /security breach/, template: "service-maintenance" },
  performance: { titles: /performance degradation/, template: "service-maintenance" },
  "critical-bug": { titles: /critical bug/, template: "open-source-maintenance" },
};
export const RELEASE_PROCEDURE = { titles: /patch release/, template: "open-source-maintenance" as TemplateId };

export async function startIncidentProcedure(ctx: Ctx, incidentId: string) {
  const incident = await db.incident.findUnique({
    where: { id: incidentId },
    select: { id: true, title: true, typeKey: true },
  });
  if (!incident) throw new ApiError(404, "not_found", "No such incident.");
  const existing = await db.checklistRun.findFirst({ where: { incidentId }, orderBy: { createdAt: "asc" } });
  if (existing) return { run: existing, created: false };
  const procedure = EMERGENCY_PROCEDURES[incident.typeKey];
  if (!procedure)
    throw new ApiError(
      409,
      "conflict",
      `Incidents of type "${incident.typeKey}" have no emergency procedure in the runbooks.`,
    );
  const section = await findProcedureSection(ctx, procedure.titles, procedure.template);
  return startProcedureRun(ctx, section.id, {
    label: `${section.title}: ${incident.title}`.slice(0, 200),
    incidentId,
  });
}

/** The release class of `version` against the latest published release before it (patch when there is none). */
async function releaseKind(repoId: string, version: string): Promise<"patch" | "minor" | "major"> {
  const v = versionOf(version);
  if (!v) return "patch";
  const tags = await db.githubRelease.findMany({
    where: { repoId, isDraft: false, isPrerelease: false },
    select: { tagName: true },
  });
  const before = tags
    .map((t) => versionOf(t.tagName))
    .filter((x): x is string => x !== null && semver.lt(x, v))
    .sort(semver.rcompare)[0];
  if (!before) return "patch";
  const diff = semver.diff(before, v);
  return diff === "major" || diff === "premajor"
    ? "major"
    : diff === "minor" || diff === "preminor"
      ? "minor"
      : "patch";
}

export async function startReleaseProcedure(ctx: Ctx, input: { repo: string; version: string }) {
  const [owner, name] = input.repo.split("/");
  const repo = await db.githubRepository.findFirst({
    where: { key: input.repo.toLowerCase() },
    select: { id: true, owner: true, name: true },
  });
  if (!repo || !owner || !name) throw new ApiError(404, "not_found", `steward does not sync ${input.repo}.`);
  const version = input.version.trim();
  const normalised = versionOf(version);
  if (!normalised)
    throw new ApiError(400, "validation_failed", `"${version}" is not a version (e.g. 1.2.3 or v1.2.3).`, {
      version: ["Use a semantic version such as 1.2.3 or v1.2.3."],
    });
  const kind = await releaseKind(repo.id, version);
  const section = await findProcedureSection(ctx, RELEASE_PROCEDURE.titles, RELEASE_PROCEDURE.template);
  const title = kind[0]!.toUpperCase() + kind.slice(1);
  return startProcedureRun(ctx, section.id, {
    // "v1.5.0" however it was typed: two people starting the same release at once get one run, one label.
    label: `${title} release v${normalised} · ${repo.owner}/${repo.name}`,
    version,
    repoId: repo.id,
  });
}

/** Procedure runs of a repository's versions (the Releases page links each version to its run). */
export async function listReleaseRuns(repoId: string) {
  const runs = await db.checklistRun.findMany({
    where: { repoId, version: { not: null } },
    select: { id: true, version: true, label: true, signedOffAt: true, skippedAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return runs.map((r) => ({
    id: r.id,
    version: r.version as string,
    label: r.label,
    state: r.skippedAt ? "skipped" : r.signedOffAt ? "signed off" : "in progress",
  }));
}

/** A run started from the runbook (Today's procedure picker); with a version, its observed steps match that version. */
export async function startSectionRun(ctx: Ctx, sectionId: string, input: StartProcedureInput) {
  let repoId: string | null = null;
  if (input.repo) {
    const repo = await db.githubRepository.findFirst({
      where: { key: input.repo.toLowerCase() },
      select: { id: true },
    });
    if (!repo) throw new ApiError(404, "not_found", `steward does not sync ${input.repo}.`);
    repoId = repo.id;
  }
  if (input.version && !versionOf(input.version))
    throw new ApiError(400, "validation_failed", `"${input.version}" is not a version (e.g. 1.2.3 or v1.2.3).`, {
      version: ["Use a semantic version such as 1.2.3 or v1.2.3."],
    });
  return startProcedureRun(ctx, sectionId, { label: input.label, version: input.version || null, repoId });
}
