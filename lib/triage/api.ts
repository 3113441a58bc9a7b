// The public API's item shape and keyset paging (by repository key in byte order, then number) for
// GET /api/v1/triage, read from the stored outcomes (stored-queue.ts).
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
  const byKey = [...repos].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((r) => r.id);
  const later = after ? repos.filter((r) => r.key > after.repoKey).map((r) => r.id) : byKey;
  const same = after ? repos.find((r) => r.key === after.repoKey)?.id : undefined;
  const where = Prisma.sql`${filterSql(scope, {})} AND ${stateWhere(query.state, now)} AND (o."repoId" = ANY(${later}::uuid[])${
    same && after ? Prisma.sql` OR (o."repoId" = ${same}::uuid AND o.number > ${after.number})` : Prisma.empty
  })`;
  const order = Prisma.sql`array_position(${byKey}::uuid[], o."repoId"), o.number`;
  const rows = await readStoredRows(scope, where, order, query.limit + 1);
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
