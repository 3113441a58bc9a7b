// Loads the facts the triage rules need for many items at once: seven set-based queries per
// repository (items, labels, assignees, label/state events, per-author comment and review
// extremes, review requests), never one query per item. Bot and ghost comments are only read when
// they are stale asks: nothing else about them can count (rules/first-response.ts, rules/stale.ts).
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Activity } from "./rules/stale";
import { askMarker } from "./rules/stale";
import type { Contribution, ActorType } from "./rules/first-response";
import type { ItemFacts } from "./rules/evaluate";
import type { LabelEvent } from "./rules/labels";
import type { TriageConfig } from "./schemas";

export type RepoRef = { id: string; key: string };
/** Open items (the queue), items created since a date (the SLA summary), or given items (stored outcomes). */
export type ItemScope = { open: true } | { createdSince: Date; createdBefore?: Date } | { ids: string[] };
/** The shared client, or the transaction that just wrote the items (it must read its own writes). */
export type FactsClient = Pick<typeof db, "$queryRaw">;

type ItemRow = {
  id: string;
  number: number;
  kind: "issue" | "pull_request";
  title: string;
  url: string;
  state: string;
  createdAt: Date;
  closedAt: Date | null;
  authorLogin: string | null;
  isDraft: boolean | null;
  readyForReviewAt: Date | null;
};
type PerAuthor = {
  itemId: string;
  login: string | null;
  actorType: ActorType;
  first: Date | null;
  last: Date | null;
  lastAsk: Date | null;
};

function where(repoId: string, scope: ItemScope): Prisma.Sql {
  const repo = Prisma.sql`i."repoId" = ${repoId}::uuid AND i."removedAt" IS NULL`;
  if ("open" in scope) return Prisma.sql`${repo} AND i.state = 'OPEN'`;
  if ("ids" in scope)
    return Prisma.sql`${repo} AND i.id IN (SELECT json_array_elements_text(${JSON.stringify(scope.ids)}::json))`;
  const before = scope.createdBefore ? Prisma.sql` AND i."createdAt" < ${scope.createdBefore}` : Prisma.empty;
  return Prisma.sql`${repo} AND i."createdAt" >= ${scope.createdSince}${before}`;
}

function group<T extends { itemId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.itemId);
    if (list) list.push(row);
    else out.set(row.itemId, [row]);
  }
  return out;
}

export async function loadItemFacts(
  repo: RepoRef,
  config: TriageConfig,
  scope: ItemScope,
  client: FactsClient = db,
): Promise<ItemFacts[]> {
  const w = where(repo.id, scope);
  const marker = askMarker(config.staleComment).toLowerCase();
  const [items, labels, assignees, events, comments, reviews, requests] = await Promise.all([
    client.$queryRaw<
      ItemRow[]
    >`SELECT i.id, i.number, i.kind::text AS kind, i.title, i.url, i.state, i."createdAt", i."closedAt", i."authorLogin", i."isDraft", i."readyForReviewAt"
      FROM "GithubItem" i WHERE ${w}`,
    client.$queryRaw<Array<{ itemId: string; name: string }>>`SELECT il."itemId", l.name FROM "GithubItemLabel" il
      JOIN "GithubItem" i ON i.id = il."itemId" JOIN "GithubLabel" l ON l.id = il."labelId" WHERE ${w} ORDER BY l.name`,
    client.$queryRaw<Array<{ itemId: string; login: string }>>`SELECT a."itemId", a.login FROM "GithubItemAssignee" a
      JOIN "GithubItem" i ON i.id = a."itemId" WHERE ${w} ORDER BY a.login`,
    client.$queryRaw<
      Array<{ itemId: string; kind: string; label: string | null; actorType: ActorType; createdAt: Date }>
    >`
      SELECT e."itemId", e.kind, e.label, e."actorType"::text AS "actorType", e."createdAt" FROM "GithubItemEvent" e
      JOIN "GithubItem" i ON i.id = e."itemId" WHERE ${w}`,
    client.$queryRaw<
      PerAuthor[]
    >`SELECT c."itemId", c."authorLogin" AS login, c."authorType"::text AS "actorType", min(c."createdAt") AS first,
        max(c."createdAt") FILTER (WHERE strpos(lower(c.body), ${marker}) = 0) AS last,
        max(c."createdAt") FILTER (WHERE strpos(lower(c.body), ${marker}) > 0) AS "lastAsk"
      FROM "GithubComment" c JOIN "GithubItem" i ON i.id = c."itemId"
      WHERE ${w} AND (c."authorType" = 'user' OR strpos(lower(c.body), ${marker}) > 0) GROUP BY 1, 2, 3`,
    client.$queryRaw<
      PerAuthor[]
    >`SELECT r."itemId", r."authorLogin" AS login, r."authorType"::text AS "actorType", min(r."submittedAt") AS first,
        max(r."submittedAt") AS last, NULL::timestamptz AS "lastAsk"
      FROM "GithubReview" r JOIN "GithubItem" i ON i.id = r."itemId"
      WHERE ${w} AND r."submittedAt" IS NOT NULL AND r.state <> 'PENDING' GROUP BY 1, 2, 3`,
    client.$queryRaw<
      Array<{ itemId: string; n: number }>
    >`SELECT q."itemId", count(*)::int AS n FROM "GithubReviewRequest" q
      JOIN "GithubItem" i ON i.id = q."itemId" WHERE ${w} GROUP BY 1`,
  ]);
  const byLabels = group(labels),
    byAssignees = group(assignees),
    byEvents = group(events);
  const byComments = group(comments),
    byReviews = group(reviews);
  const byRequests = new Map(requests.map((r) => [r.itemId, r.n]));
  return items.map((i) => {
    const labelEvents: LabelEvent[] = [];
    const activities: Activity[] = [];
    const contributions: Contribution[] = [];
    for (const e of byEvents.get(i.id) ?? []) {
      activities.push({ at: e.createdAt, actorType: e.actorType });
      if ((e.kind === "labeled" || e.kind === "unlabeled") && e.label)
        labelEvents.push({ kind: e.kind, label: e.label, at: e.createdAt });
    }
    for (const [kind, rows] of [
      ["comment", byComments.get(i.id)],
      ["review", byReviews.get(i.id)],
    ] as const) {
      for (const r of rows ?? []) {
        if (r.first) contributions.push({ kind, login: r.login, actorType: r.actorType, at: r.first });
        if (r.last) activities.push({ at: r.last, actorType: r.actorType });
        if (r.lastAsk) activities.push({ at: r.lastAsk, actorType: r.actorType, isAsk: true });
      }
    }
    return {
      id: i.id,
      repoId: repo.id,
      repoKey: repo.key,
      number: i.number,
      kind: i.kind,
      title: i.title,
      url: i.url,
      open: i.state === "OPEN",
      createdAt: i.createdAt,
      closedAt: i.closedAt,
      authorLogin: i.authorLogin,
      isDraft: i.isDraft === true,
      readyForReviewAt: i.readyForReviewAt,
      labels: (byLabels.get(i.id) ?? []).map((l) => l.name),
      assignees: (byAssignees.get(i.id) ?? []).map((a) => a.login),
      labelEvents,
      contributions,
      activities,
      pendingReviewRequests: byRequests.get(i.id) ?? 0,
    };
  });
}
