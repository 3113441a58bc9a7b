// The triage queue and its counts read from the stored outcomes (TriageOutcome, kept by the item
// refresh and rebuilt when the settings key changes), with tabs, filters, ordering and paging in SQL:
// the same rows, order and counts as evaluating every open item (stored-queue.test.ts compares them).
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TeamSchedule } from "@/lib/team/schemas";
import { ensureTriageOutcomes } from "./outcomes";
import type { TriageRow } from "./rules/evaluate";
import { queueRowAt, type StoredQueueRow } from "./rules/queue-outcome";
import { TABS, type TriageConfig, type TriageFilters, type TriageTab } from "./schemas";
import type { TabCounts, TriageCounts } from "./views";

export type StoredScope = {
  repos: Array<{ id: string; key: string }>;
  configs: Map<string, TriageConfig>;
  schedule: TeamSchedule;
  now: Date;
};

/** Brings the repositories' stored outcomes up to their settings, then returns what reading them needs. */
export async function openStoredScope(repos: StoredScope["repos"], now: Date): Promise<StoredScope> {
  return { repos, now, ...(await ensureTriageOutcomes(repos)) };
}

const running = Prisma.sql`o."stoppedAt" IS NULL`;
const at = (now: Date) => Prisma.sql`${now.toISOString()}::timestamptz`;
const breached = (now: Date) => Prisma.sql`(${running} AND o."breachAt" <= ${at(now)})`;
const notBreached = (now: Date) => Prisma.sql`(${running} AND (o."breachAt" IS NULL OR o."breachAt" > ${at(now)}))`;

export function stateSql(state: NonNullable<TriageFilters["state"]>, now: Date): Prisma.Sql {
  const dueSoon = Prisma.sql`(o."dueSoonAt" IS NOT NULL AND o."dueSoonAt" <= ${at(now)})`;
  switch (state) {
    case "breached":
      return breached(now);
    case "due_soon":
      return Prisma.sql`(${notBreached(now)} AND ${dueSoon})`;
    case "within":
      return Prisma.sql`(${notBreached(now)} AND NOT ${dueSoon})`;
    case "responded":
      return Prisma.sql`(o."stoppedAt" IS NOT NULL AND o."withinTarget")`;
    case "responded_late":
      return Prisma.sql`(o."stoppedAt" IS NOT NULL AND NOT o."withinTarget")`;
  }
}

/** inTab (views.ts) over stored columns. */
export function tabSql(tab: TriageTab, now: Date): Prisma.Sql {
  switch (tab) {
    case "needs_triage":
      return Prisma.sql`o.priority IS NULL`;
    case "waiting":
      return Prisma.sql`(o.priority IS NOT NULL AND o."firstResponseAt" IS NULL AND ${notBreached(now)})`;
    case "breached":
      return breached(now);
    case "stale":
      return Prisma.sql`o."staleAt" <= ${at(now)}`;
    case "review":
      return Prisma.sql`o."reviewWaitingSince" IS NOT NULL`;
    case "all":
      return Prisma.sql`TRUE`;
  }
}

/** The open items of the scope's repositories narrowed by matchesFilters (views.ts). */
export function filterSql(scope: StoredScope, f: Omit<TriageFilters, "tab">): Prisma.Sql {
  const repoIds = scope.repos.filter((r) => !f.repo || r.key === f.repo.toLowerCase()).map((r) => r.id);
  const parts = [Prisma.sql`o.open AND o."repoId" = ANY(${repoIds}::uuid[])`];
  if (f.priority === "untriaged") parts.push(Prisma.sql`o.priority IS NULL`);
  else if (f.priority) parts.push(Prisma.sql`o.priority = ${f.priority}`);
  if (f.type) parts.push(Prisma.sql`o.type = ${f.type}`);
  if (f.assignee)
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "GithubItemAssignee" a WHERE a."itemId" = o."itemId" AND lower(a.login) = ${f.assignee.toLowerCase()})`,
    );
  if (f.state) parts.push(stateSql(f.state, scope.now));
  return Prisma.join(parts, " AND ");
}

export async function countStoredTabs(scope: StoredScope, filters: Omit<TriageFilters, "tab">): Promise<TabCounts> {
  const columns = TABS.map((t) => Prisma.sql`count(*) FILTER (WHERE ${tabSql(t, scope.now)})::int AS ${Prisma.raw(t)}`);
  const [row] = await db.$queryRaw<TabCounts[]>`SELECT ${Prisma.join(columns)} FROM "TriageOutcome" o
    WHERE ${filterSql(scope, filters)}`;
  return row!;
}

/** summarizeCounts (views.ts) over stored columns: Today's triage figures. */
export async function countStoredToday(scope: StoredScope): Promise<TriageCounts> {
  const now = scope.now;
  const [row] = await db.$queryRaw<TriageCounts[]>`SELECT
      count(*) FILTER (WHERE o.priority = 'P0' AND ${breached(now)})::int AS "p0Breached",
      count(*) FILTER (WHERE o.priority IS NULL AND ${breached(now)})::int AS "untriagedOverdue",
      count(*) FILTER (WHERE ${tabSql("stale", now)})::int AS stale,
      count(*) FILTER (WHERE ${tabSql("waiting", now)})::int AS waiting,
      count(*) FILTER (WHERE ${tabSql("breached", now)})::int AS breached,
      count(*) FILTER (WHERE ${tabSql("review", now)})::int AS "reviewQueue"
    FROM "TriageOutcome" o WHERE ${filterSql(scope, {})}`;
  return row!;
}

/** Every assignee of an open item in the scope, sorted as the queue's filter lists them. */
export async function listStoredAssignees(scope: StoredScope): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ login: string }>>`SELECT DISTINCT a.login FROM "TriageOutcome" o
    JOIN "GithubItemAssignee" a ON a."itemId" = o."itemId" WHERE ${filterSql(scope, {})}`;
  return rows.map((r) => r.login).sort((a, b) => a.localeCompare(b));
}

export type StoredSummaryRow = {
  repoId: string;
  priority: string | null;
  items: number;
  decided: number;
  respondedWithinTarget: number;
  medianResponseSeconds: number | null;
  breachedNow: number;
};

/**
 * summarize (summary.ts) over stored columns, per repository and priority: the items created since
 * `since` (open or closed) and the open items breached now. The median rounds half up, as median() does.
 */
export async function summarizeStored(scope: StoredScope, since: Date): Promise<StoredSummaryRow[]> {
  const now = scope.now;
  const ids = scope.repos.map((r) => r.id);
  const created = Prisma.sql`o."createdAt" >= ${since.toISOString()}::timestamptz`;
  return db.$queryRaw<StoredSummaryRow[]>`SELECT o."repoId"::text AS "repoId", o.priority,
      count(*) FILTER (WHERE ${created})::int AS items,
      count(*) FILTER (WHERE ${created} AND (o."stoppedAt" IS NOT NULL OR ${breached(now)}))::int AS decided,
      count(*) FILTER (WHERE ${created} AND o."stoppedAt" IS NOT NULL AND o."withinTarget")::int AS "respondedWithinTarget",
      round((percentile_cont(0.5) WITHIN GROUP (ORDER BY o."responseSeconds") FILTER (WHERE ${created}))::numeric)::int
        AS "medianResponseSeconds",
      count(*) FILTER (WHERE o.open AND ${breached(now)})::int AS "breachedNow"
    FROM "TriageOutcome" o
    WHERE o."repoId" = ANY(${ids}::uuid[]) AND (${created} OR (o.open AND ${breached(now)}))
    GROUP BY 1, 2`;
}

type Row = Omit<StoredQueueRow, "labels" | "assignees" | "repoKey">;

/** Sorted and cut on the narrow stored rows first; only the page's items are then joined for title and URL. */
const select = (where: Prisma.Sql, order: Prisma.Sql, limit: number) => Prisma.sql`SELECT o."itemId" AS id,
    o."repoId"::text AS "repoId", o.number, i.kind::text AS kind, i.title, i.url, o."createdAt", o.priority, o."stoppedAt",
    o."withinTarget", o."breachAt", o.open, o.type, o."targetSeconds", o."dueAt", o."dueSoonAt", o."firstResponseAt",
    o."firstPriorityAt", o."priorityChanges", o."responseSeconds", o."lastHumanActivityAt", o."staleAt", o."staleAction",
    o."reviewWaitingSince"
  FROM (SELECT * FROM "TriageOutcome" o WHERE ${where} ORDER BY ${order} LIMIT ${limit}) o
  JOIN "GithubItem" i ON i.id = o."itemId" ORDER BY ${order}`;

/** The first stored rows matching `where` in `order` (over `o` only), with labels and assignees, as evaluateItem's rows at now. */
export async function readStoredRows(
  scope: StoredScope,
  where: Prisma.Sql,
  order: Prisma.Sql,
  limit: number,
): Promise<TriageRow[]> {
  const rows = await db.$queryRaw<Row[]>(select(where, order, limit));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [labels, assignees] = await Promise.all([
    db.$queryRaw<Array<{ itemId: string; name: string }>>`SELECT il."itemId", l.name FROM "GithubItemLabel" il
      JOIN "GithubLabel" l ON l.id = il."labelId" WHERE il."itemId" = ANY(${ids}::text[]) ORDER BY l.name`,
    db.$queryRaw<Array<{ itemId: string; login: string }>>`SELECT a."itemId", a.login FROM "GithubItemAssignee" a
      WHERE a."itemId" = ANY(${ids}::text[]) ORDER BY a.login`,
  ]);
  const keys = new Map(scope.repos.map((r) => [r.id, r.key]));
  const listOf = <T extends { itemId: string }>(xs: T[], pick: (x: T) => string) => {
    const out = new Map<string, string[]>();
    for (const x of xs) out.set(x.itemId, [...(out.get(x.itemId) ?? []), pick(x)]);
    return out;
  };
  const byLabels = listOf(labels, (l) => l.name);
  const byAssignees = listOf(assignees, (a) => a.login);
  return rows.map((r) =>
    queueRowAt(
      { ...r, repoKey: keys.get(r.repoId)!, labels: byLabels.get(r.id) ?? [], assignees: byAssignees.get(r.id) ?? [] },
      scope.configs.get(r.repoId)!,
      scope.schedule,
      scope.now,
    ),
  );
}
