// Stored triage outcomes (TriageOutcome): each live item's clock as rules/outcome.ts computes it and
// its queue row as rules/queue-outcome.ts does, so the metrics, the Triage queue and Today read one
// indexed table instead of evaluating every item's rules per request. Kept true three ways: the
// item-facts refresh (same transaction as the sync's writes), a rebuild after settings change, and a
// key check before every read (ensureTriageOutcomes).
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getTeamSchedule } from "@/lib/team/schedule";
import type { TeamSchedule } from "@/lib/team/schemas";
import { loadItemFacts, type ItemScope, type RepoRef } from "./facts";
import { evaluateQueueOutcome } from "./rules/queue-outcome";
import type { TriageConfig } from "./schemas";
import { getTriageConfigs } from "./settings";

type Tx = Prisma.TransactionClient;

/** Bump when evaluateOutcome's meaning changes: every repository's outcomes are rebuilt on next read. */
const ALGORITHM = 3; // 3: the queue's columns (rules/queue-outcome.ts)

export function outcomeKey(config: TriageConfig, schedule: TeamSchedule): string {
  return createHash("sha256")
    .update(JSON.stringify([ALGORITHM, config, schedule]))
    .digest("hex");
}

const COLUMNS = [
  ["itemId", "text"],
  ["repoId", "uuid"],
  ["createdAt", "timestamptz"],
  ["priority", "text"],
  ["stoppedAt", "timestamptz"],
  ["withinTarget", "boolean"],
  ["breachAt", "timestamptz"],
  ["open", "boolean"],
  ["number", "int"],
  ["type", "text"],
  ["targetSeconds", "int"],
  ["dueAt", "timestamptz"],
  ["dueSoonAt", "timestamptz"],
  ["firstResponseAt", "timestamptz"],
  ["firstPriorityAt", "timestamptz"],
  ["priorityChanges", "int"],
  ["responseSeconds", "int"],
  ["lastHumanActivityAt", "timestamptz"],
  ["staleAt", "timestamptz"],
  ["staleAction", "text"],
  ["reviewWaitingSince", "timestamptz"],
] as const;
const names = COLUMNS.map(([c]) => `"${c}"`).join(", ");
const UPSERT = `INSERT INTO "TriageOutcome" (${names})
  SELECT ${COLUMNS.map(([c]) => `x."${c}"`).join(", ")}
  FROM json_to_recordset($1::json) AS x(${COLUMNS.map(([c, t]) => `"${c}" ${t}`).join(", ")})
  ON CONFLICT ("itemId") DO UPDATE SET ${COLUMNS.slice(1)
    .map(([c]) => `"${c}" = excluded."${c}"`)
    .join(", ")}`;

async function writeOutcomes(
  tx: Tx,
  repo: RepoRef,
  config: TriageConfig,
  schedule: TeamSchedule,
  scope: ItemScope,
): Promise<number> {
  const facts = await loadItemFacts(repo, config, scope, tx);
  for (let at = 0; at < facts.length; at += 5000) {
    const rows = facts.slice(at, at + 5000).map((f) => ({
      itemId: f.id,
      repoId: repo.id,
      number: f.number,
      createdAt: f.createdAt,
      ...evaluateQueueOutcome(f, config, schedule),
    }));
    await tx.$executeRawUnsafe(UPSERT, JSON.stringify(rows));
  }
  return facts.length;
}

/**
 * Recomputes the outcomes of these items in the transaction that wrote them (removed and deleted
 * items lose theirs). A repository without a key is left to its first reader's full rebuild; one
 * whose stored key is not the current settings' loses its key, so the next reader rebuilds it whole.
 */
export async function refreshTriageOutcomes(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRawUnsafe(`DELETE FROM "TriageOutcome" WHERE "itemId" = ANY($1::text[])`, ids);
  const items = await tx.$queryRawUnsafe<Array<{ id: string; repoId: string; key: string }>>(
    `SELECT i.id, i."repoId"::text AS "repoId", r.key FROM "GithubItem" i JOIN "GithubRepository" r ON r.id = i."repoId"
     WHERE i.id = ANY($1::text[]) AND i."removedAt" IS NULL`,
    ids,
  );
  if (items.length === 0) return;
  const repos = new Map(items.map((i) => [i.repoId, { id: i.repoId, key: i.key }]));
  const [configs, schedule, keys] = await Promise.all([
    getTriageConfigs([...repos.keys()], tx),
    getTeamSchedule(tx),
    tx.triageOutcomeKey.findMany({ where: { repoId: { in: [...repos.keys()] } } }),
  ]);
  for (const repo of repos.values()) {
    const stored = keys.find((k) => k.repoId === repo.id);
    // No key yet (e.g. a first backfill): the first reader rebuilds the whole repository anyway.
    if (!stored) continue;
    const config = configs.get(repo.id)!;
    const repoIds = items.filter((i) => i.repoId === repo.id).map((i) => i.id);
    await writeOutcomes(tx, repo, config, schedule, { ids: repoIds });
    if (stored.key !== outcomeKey(config, schedule)) await tx.triageOutcomeKey.delete({ where: { repoId: repo.id } });
  }
}

/**
 * Recomputes all outcomes of one repository with the settings in force, and records their key. A sync
 * committing between its reads and its commit can leave that item's row older until its next refresh.
 */
export async function rebuildTriageOutcomes(repo: RepoRef): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const [configs, schedule] = await Promise.all([getTriageConfigs([repo.id], tx), getTeamSchedule(tx)]);
      const config = configs.get(repo.id)!;
      await tx.$executeRawUnsafe(`DELETE FROM "TriageOutcome" WHERE "repoId" = $1::uuid`, repo.id);
      const n = await writeOutcomes(tx, repo, config, schedule, { createdSince: new Date(0) });
      const key = outcomeKey(config, schedule);
      await tx.triageOutcomeKey.upsert({
        where: { repoId: repo.id },
        create: { repoId: repo.id, key },
        update: { key },
      });
      return n;
    },
    { maxWait: 60_000, timeout: 600_000 },
  );
}

const rebuilding = new Map<string, Promise<number>>();

export type OutcomeSettings = { configs: Map<string, TriageConfig>; schedule: TeamSchedule };

/**
 * Before reading: rebuilds the repositories whose outcomes were computed with other settings (or
 * never). Returns the settings the stored outcomes now follow.
 */
export async function ensureTriageOutcomes(repos: RepoRef[]): Promise<OutcomeSettings> {
  return (await rebuildStale(repos)).settings;
}

async function rebuildStale(repos: RepoRef[]): Promise<{ settings: OutcomeSettings; rebuilt: number }> {
  const ids = repos.map((r) => r.id);
  const [configs, schedule, keys] = await Promise.all([
    getTriageConfigs(ids),
    getTeamSchedule(),
    ids.length ? db.triageOutcomeKey.findMany({ where: { repoId: { in: ids } } }) : [],
  ]);
  const stale = repos.filter(
    (r) => keys.find((k) => k.repoId === r.id)?.key !== outcomeKey(configs.get(r.id)!, schedule),
  );
  await Promise.all(
    stale.map((repo) => {
      let job = rebuilding.get(repo.id);
      if (!job) {
        job = rebuildTriageOutcomes(repo).finally(() => rebuilding.delete(repo.id));
        rebuilding.set(repo.id, job);
      }
      return job;
    }),
  );
  return { settings: { configs, schedule }, rebuilt: stale.length };
}

/**
 * Rebuilds the stale repositories now rather than on first read: after the team schedule or a
 * repository's triage settings changed, and when a worker starts (a new steward version whose
 * outcome ALGORITHM changed, or a migration that added repositories, would otherwise make the first
 * person to open Triage, Today or Metrics wait for the rebuild). Returns how many were rebuilt.
 */
export async function rebuildAllTriageOutcomes(repoIds?: string[]): Promise<number> {
  const repos = await db.githubRepository.findMany({
    where: repoIds ? { id: { in: repoIds } } : {},
    select: { id: true, key: true },
  });
  return (await rebuildStale(repos)).rebuilt;
}
