// Settings → Repositories changes, each recorded in the audit log.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/request";
import { getGithubTokenStatus, hasUsableGithubToken } from "../credentials";
import { configuredRepositoryKeys } from "../repositories";
import { parseRepositoryName } from "../repository-name";
import { requestRepositorySync, type SyncRequestResult } from "../sync/jobs";
import type { AddRepositoryInput } from "./schemas";

/** Adds a repository and, when a token is configured, queues its first sync at once. */
export async function addRepositoryFromSettings(
  input: AddRepositoryInput,
  actor: Actor,
): Promise<{ id: string; key: string; sync: SyncRequestResult | null }> {
  const parsed = parseRepositoryName(input.fullName);
  if (!parsed)
    throw new ApiError(400, "validation_failed", "Enter a repository as owner/name.", {
      fullName: ["Enter a repository as owner/name."],
    });
  const repo = await db.$transaction(async (tx) => {
    const existing = await tx.githubRepository.findUnique({ where: { key: parsed.key } });
    if (existing)
      throw new ApiError(409, "conflict", `${existing.owner}/${existing.name} is already in the list.`, {
        fullName: ["Already added."],
      });
    const created = await tx.githubRepository.create({
      data: { owner: parsed.owner, name: parsed.name, key: parsed.key },
    });
    await recordAudit(
      { action: "repository.added", actorId: actor.id, target: `${parsed.owner}/${parsed.name}`, ip: actor.ip },
      tx,
    );
    return created;
  });
  return {
    id: repo.id,
    key: repo.key,
    sync: (await hasUsableGithubToken()) ? await requestRepositorySync(repo.id, "manual") : null,
  };
}

export async function setRepositoryEnabled(id: string, enabled: boolean, actor: Actor) {
  return db.$transaction(async (tx) => {
    const repo = await tx.githubRepository.findUnique({ where: { id } });
    if (!repo) throw new ApiError(404, "not_found", "No such repository.");
    if (repo.enabled === enabled) return repo;
    const updated = await tx.githubRepository.update({ where: { id }, data: { enabled } });
    await recordAudit(
      {
        action: enabled ? "repository.resumed" : "repository.paused",
        actorId: actor.id,
        target: `${repo.owner}/${repo.name}`,
        ip: actor.ip,
      },
      tx,
    );
    return updated;
  });
}

/** Removes the repository and everything synced from it. */
export async function deleteRepository(id: string, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const repo = await tx.githubRepository.findUnique({ where: { id } });
    if (!repo) throw new ApiError(404, "not_found", "No such repository.");
    if (configuredRepositoryKeys().has(repo.key))
      throw new ApiError(
        409,
        "conflict",
        `${repo.owner}/${repo.name} is listed in STEWARD_REPOS: remove it there first, or pause it here.`,
      );
    await tx.githubRepository.delete({ where: { id } });
    await recordAudit(
      { action: "repository.removed", actorId: actor.id, target: `${repo.owner}/${repo.name}`, ip: actor.ip },
      tx,
    );
  });
}

/** "Sync now" from the UI or API: refused clearly when it could not run. */
export async function requestSyncNow(id: string): Promise<SyncRequestResult> {
  const repo = await db.githubRepository.findUnique({
    where: { id },
    select: { enabled: true, owner: true, name: true },
  });
  if (!repo) throw new ApiError(404, "not_found", "No such repository.");
  if (!repo.enabled) throw new ApiError(409, "conflict", `${repo.owner}/${repo.name} is paused: resume it to sync.`);
  const token = await getGithubTokenStatus();
  if (token.source === "none")
    throw new ApiError(
      409,
      "conflict",
      "No GitHub token yet: an admin sets GITHUB_TOKEN or enters one in Settings → Repositories.",
    );
  if (token.source === "settings" && token.problem) throw new ApiError(409, "conflict", token.problem);
  return requestRepositorySync(id, "manual");
}
