// The periodic backstop: whatever the incremental walks could have missed. Every item GitHub
// lists as open is compared with the stored copy; stored open items GitHub no longer lists open
// are re-fetched (closed, transferred or deleted). Releases and tags are listed in full, so
// deleted ones go too.
import { OPEN_ISSUES, OPEN_PULLS } from "../queries/items";
import type { ForwardPage } from "../queries/types";
import { deleteMissing, notNull, upsertRows } from "./bulk";
import { commitPage, type SyncContext } from "./context";
import { releaseRow, tagRow } from "./map-repo";
import { refetchItems } from "./refetch";
import { nextReleases, nextTags, readList } from "./repo-lists";
import { RELEASES, TAGS } from "./tables";

type OpenNode = { id: string; number: number; updatedAt: string };
const EMPTY = { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };

async function listOpen(ctx: SyncContext, document: string, field: "issues" | "pullRequests"): Promise<OpenNode[]> {
  const nodes: OpenNode[] = [];
  for (let after: string | null = null; ;) {
    const data: { repository: Record<string, ForwardPage<OpenNode>> } = await ctx.client.query(document, {
      owner: ctx.repo.owner,
      name: ctx.repo.name,
      first: 100,
      after,
    });
    const page = data.repository[field];
    if (!page) return nodes;
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return nodes;
    after = page.pageInfo.endCursor;
  }
}

export async function runBackstop(
  ctx: SyncContext,
): Promise<{ refetched: number; deleted: number; transferred: number }> {
  const { db, repo } = ctx;
  const open = [...(await listOpen(ctx, OPEN_ISSUES, "issues")), ...(await listOpen(ctx, OPEN_PULLS, "pullRequests"))];
  const openIds = new Set(open.map((n) => n.id));
  const [stored, storedOpen] = await Promise.all([
    db.githubItem.findMany({
      where: { id: { in: [...openIds] } },
      select: { id: true, repoId: true, updatedAt: true, state: true },
    }),
    db.githubItem.findMany({ where: { repoId: repo.id, state: "OPEN" }, select: { id: true } }),
  ]);
  const byId = new Map(stored.map((s) => [s.id, s]));
  const stale = open
    .filter((n) => {
      const s = byId.get(n.id);
      return !s || s.repoId !== repo.id || s.state !== "OPEN" || s.updatedAt.getTime() !== Date.parse(n.updatedAt);
    })
    .map((n) => n.id);
  const vanished = storedOpen.map((s) => s.id).filter((id) => !openIds.has(id));
  const result = await refetchItems(ctx, [...stale, ...vanished], "backstop");

  const releases = await readList((await nextReleases(ctx, null)) ?? EMPTY, (c) => nextReleases(ctx, c));
  const tags = await readList((await nextTags(ctx, null)) ?? EMPTY, (c) => nextTags(ctx, c));
  await commitPage(ctx, "backstop", { fetched: 0, changed: 0 }, async (tx) => {
    const releaseRows = releases.map((r) => releaseRow(repo.id, r));
    const tagRows = tags.map((t) => tagRow(repo.id, t)).filter(notNull);
    await upsertRows(tx, RELEASES, releaseRows);
    await deleteMissing(tx, RELEASES, { column: "repoId", values: [repo.id] }, releaseRows);
    await upsertRows(tx, TAGS, tagRows);
    await deleteMissing(tx, TAGS, { column: "repoId", values: [repo.id] }, tagRows);
    await tx.githubRepository.update({ where: { id: repo.id }, data: { lastBackstopAt: new Date() } });
  });
  return { refetched: result.written, deleted: result.deleted.length, transferred: result.transferred.length };
}
