// The public API's item shape and keyset paging (by repository, then number) for GET /api/v1/triage,
// read from the stored outcomes (stored-queue.ts).
import "server-only";
import { ApiError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { getTriageSummary, listTriageRepos, type TriageSummary } from "./queries";
import type { TriageRow } from "./rules/evaluate";
import type { TriageApiQuery } from "./schemas";
import { filterSql, openStoredScope, readStoredRows, stateSql, tabSql } from "./stored-queue";
import { SUMMARY_DEFINITIONS } from "./summary";

export function toApiItem(r: TriageRow) {
  return {
    repo: r.repoKey,
    number: r.number,
    kind: r.kind,
    title: r.title,
    url: r.url,
    priority: r.priority,
    createdAt: r.createdAt.toISOString(),
    firstResponseAt: r.firstResponseAt?.toISOString() ?? null,
    targetSeconds: r.targetSeconds,
    dueAt: r.dueAt.toISOString(),
    state: r.state,
    lastHumanActivityAt: r.lastHumanActivityAt.toISOString(),
    stale: r.stale,
  };
}
export type TriageApiItem = ReturnType<typeof toApiItem>;

const encode = (r: { repoKey: string; number: number }) =>
  Buffer.from(`${r.repoKey}#${r.number}`).toString("base64url");

function decode(cursor: string): { repoKey: string; number: number } {
  const [repoKey, number] = Buffer.from(cursor, "base64url").toString("utf8").split("#");
  const n = Number(number);
  if (!repoKey || !Number.isInteger(n))
    throw new ApiError(400, "validation_failed", "Invalid cursor.", {
      cursor: ["Pass nextCursor from the previous page."],
    });
  return { repoKey, number: n };
}

function stateWhere(state: TriageApiQuery["state"], now: Date): Prisma.Sql {
  if (state === "all") return Prisma.sql`TRUE`;
  if (state === "untriaged") return Prisma.sql`o.priority IS NULL`;
  if (state === "stale") return tabSql("stale", now);
  return stateSql(state, now);
}

async function reposFor(repo: string | undefined) {
  const repos = await listTriageRepos({ repoKey: repo });
  if (repo && repos.length === 0) throw new ApiError(404, "not_found", `${repo} is not a synced repository.`);
  return repos;
}

export async function listTriageApiItems(
  query: TriageApiQuery,
  now: Date,
): Promise<{ items: TriageApiItem[]; nextCursor: string | null }> {
  const repos = await reposFor(query.repo);
  const scope = await openStoredScope(repos, now);
  const after = query.cursor ? decode(query.cursor) : null;
  const where = Prisma.sql`${filterSql(scope, {})} AND ${stateWhere(query.state, now)}${
    after
      ? Prisma.sql` AND (r.key COLLATE "C", i.number) > (${after.repoKey} COLLATE "C", ${after.number})`
      : Prisma.empty
  }`;
  const rows = await readStoredRows(scope, where, Prisma.sql`r.key COLLATE "C", i.number`, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page.map(toApiItem), nextCursor: rows.length > query.limit && last ? encode(last) : null };
}

export async function getTriageApiSummary(
  query: { repo?: string; days: number },
  now: Date,
): Promise<TriageSummary & { definitions: typeof SUMMARY_DEFINITIONS }> {
  const repos = await reposFor(query.repo);
  const summary = await getTriageSummary({ now, days: query.days, repositoryIds: repos.map((r) => r.id) });
  return { ...summary, definitions: SUMMARY_DEFINITIONS };
}
