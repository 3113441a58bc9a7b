// What Settings → Repositories and a repository's sync history show: plain JSON-safe objects, the
// same for the server render and the API the pages poll while a sync runs.
import { db } from "@/lib/db";
import { GITHUB_SYNC_QUEUE } from "@/lib/jobs/queues";
import { logger } from "@/lib/logger";
import { getGithubTokenStatus } from "../credentials";
import { configuredRepositoryKeys } from "../repositories";

export interface SyncRunView {
  id: string;
  trigger: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  resource: string | null;
  pages: number;
  items: number;
  changed: number;
  itemsTotal: number | null;
  requests: number;
  pointsUsed: number;
  rateRemaining: number | null;
  rateResetAt: string | null;
  etaSeconds: number | null;
  resumeAfter: string | null;
  error: string | null;
  errors: { at: string; message: string }[];
}

export interface RepositoryRow {
  id: string;
  owner: string;
  name: string;
  enabled: boolean;
  fromEnv: boolean;
  lastSyncAt: string | null;
  lastSyncStatus: string | null;
  /** The run in progress (a live lease), if any. */
  active: SyncRunView | null;
  /** A sync is waiting in the job queue. */
  queued: boolean;
}

type RunRow = Awaited<ReturnType<typeof db.githubSyncRun.findMany>>[number];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toRunView(run: RunRow): SyncRunView {
  const errors = Array.isArray(run.errors)
    ? (run.errors as { at?: unknown; message?: unknown }[]).map((e) => ({
        at: String(e.at ?? ""),
        message: String(e.message ?? ""),
      }))
    : [];
  return {
    id: run.id,
    trigger: run.trigger,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: iso(run.finishedAt),
    resource: run.resource,
    pages: run.pages,
    items: run.items,
    changed: run.changed,
    itemsTotal: run.itemsTotal,
    requests: run.requests,
    pointsUsed: run.pointsUsed,
    rateRemaining: run.rateRemaining,
    rateResetAt: iso(run.rateResetAt),
    etaSeconds: run.etaSeconds,
    resumeAfter: iso(run.resumeAfter),
    error: run.error,
    errors,
  };
}

/** Repository ids with a sync job waiting in the queue (empty when the queue isn't set up yet). */
async function queuedRepositoryIds(): Promise<Set<string>> {
  try {
    const rows = await db.$queryRaw<
      { key: string }[]
    >`SELECT singleton_key AS key FROM pgboss.job WHERE name = ${GITHUB_SYNC_QUEUE} AND state IN ('created', 'retry') AND singleton_key IS NOT NULL`;
    return new Set(rows.map((r) => r.key));
  } catch (error) {
    logger.debug("job queue not readable yet", { error: error instanceof Error ? error.message : String(error) });
    return new Set();
  }
}

async function activeRuns(repoIds: string[]): Promise<Map<string, SyncRunView>> {
  if (repoIds.length === 0) return new Map();
  const runs = await db.githubSyncRun.findMany({
    where: { repoId: { in: repoIds }, status: "running", repo: { syncLeaseUntil: { gt: new Date() } } },
    orderBy: { startedAt: "desc" },
  });
  const byRepo = new Map<string, SyncRunView>();
  for (const run of runs) if (!byRepo.has(run.repoId)) byRepo.set(run.repoId, toRunView(run));
  return byRepo;
}

export async function listRepositoryRows(): Promise<RepositoryRow[]> {
  const repos = await db.githubRepository.findMany({ orderBy: { key: "asc" } });
  const [active, queued] = await Promise.all([activeRuns(repos.map((r) => r.id)), queuedRepositoryIds()]);
  const fromEnv = configuredRepositoryKeys();
  return repos.map((r) => ({
    id: r.id,
    owner: r.owner,
    name: r.name,
    enabled: r.enabled,
    fromEnv: fromEnv.has(r.key),
    lastSyncAt: iso(r.lastSyncAt),
    lastSyncStatus: r.lastSyncStatus,
    active: active.get(r.id) ?? null,
    queued: queued.has(r.id),
  }));
}

export type TokenView =
  | { source: "env" }
  | { source: "settings"; login: string | null; updatedAt: string; updatedBy: string | null; problem: string | null }
  | { source: "none" };

export interface RepositorySettingsView {
  token: TokenView;
  repositories: RepositoryRow[];
}

export async function getRepositorySettingsView(): Promise<RepositorySettingsView> {
  const [status, repositories] = await Promise.all([getGithubTokenStatus(), listRepositoryRows()]);
  const token: TokenView =
    status.source === "settings" ? { ...status, updatedAt: status.updatedAt.toISOString() } : status;
  return { token, repositories };
}

export interface SyncHistoryView {
  repository: RepositoryRow;
  runs: SyncRunView[];
}

/** A repository's last runs (newest first) and its live state; null when unknown. */
export async function getSyncHistoryView(repoId: string, limit = 30): Promise<SyncHistoryView | null> {
  const repo = await db.githubRepository.findUnique({ where: { id: repoId } });
  if (!repo) return null;
  const [active, queued, runs] = await Promise.all([
    activeRuns([repo.id]),
    queuedRepositoryIds(),
    db.githubSyncRun.findMany({ where: { repoId }, orderBy: { startedAt: "desc" }, take: limit }),
  ]);
  return {
    repository: {
      id: repo.id,
      owner: repo.owner,
      name: repo.name,
      enabled: repo.enabled,
      fromEnv: configuredRepositoryKeys().has(repo.key),
      lastSyncAt: iso(repo.lastSyncAt),
      lastSyncStatus: repo.lastSyncStatus,
      active: active.get(repo.id) ?? null,
      queued: queued.has(repo.id),
    },
    runs: runs.map(toRunView),
  };
}
