// GET /api/v1/dependencies?repo=owner/name and the repository lookup both APIs share.
import "server-only";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { listOpenAlerts } from "./alerts";
import { getUpdateTargets } from "./config";
import { listOutdated } from "./outdated";
import { listOpenUpdatePulls } from "./update-pulls";

export async function findRepositoryOr404(key: string) {
  const repo = await db.githubRepository.findUnique({
    where: { key: key.toLowerCase() },
    select: { id: true, owner: true, name: true, key: true, defaultBranch: true },
  });
  if (!repo) throw new ApiError(404, "not_found", `steward does not sync ${key}. Add it in Settings → Repositories.`);
  return repo;
}

const strip = <T extends { repoId: string }>({ repoId: _repoId, ...rest }: T) => rest;

export async function getDependenciesResponse(ctx: { now: Date }, key: string) {
  const repo = await findRepositoryOr404(key);
  const c = { now: ctx.now, targets: getUpdateTargets() };
  const [alerts, updatePulls, outdated] = await Promise.all([
    listOpenAlerts(c, [repo.id]),
    listOpenUpdatePulls(c, [repo.id]),
    listOutdated(c, [repo.id]),
  ]);
  return {
    repository: repo.key,
    generatedAt: ctx.now,
    alerts: alerts.map(strip),
    updatePulls: updatePulls.map(strip),
    outdated: outdated.map(strip),
  };
}
