// Targeted re-fetch of whole items by node id (webhooks, backstop). An id GitHub no longer
// resolves was deleted; one that now lives in another repository was transferred. Both are
// marked (state DELETED / TRANSFERRED, removedAt) rather than left open.
import { refreshItemFacts } from "@/lib/metrics/facts/refresh";
import { partialData } from "../client-errors";
import { ITEMS_BY_ID } from "../queries/items";
import type { GqlItem } from "../queries/types";
import type { Tx } from "./bulk";
import { commitPage, type SyncContext } from "./context";
import { completeItems } from "./item-details";
import { writeItems } from "./write-items";

const BATCH = 20;

export interface RefetchResult {
  written: number;
  deleted: string[];
  transferred: { id: string; to: string }[];
}

async function fetchNodes(ctx: SyncContext, ids: string[]): Promise<(GqlItem | null)[]> {
  // Ids that no longer resolve come back as null entries with NOT_FOUND errors, as on GitHub.
  const data = await ctx.client
    .query<{ nodes: (GqlItem | null)[] }>(ITEMS_BY_ID, { ids })
    .catch((error: unknown) => partialData<{ nodes: (GqlItem | null)[] }>(error, (e) => e.type === "NOT_FOUND"));
  return data.nodes;
}

export async function refetchItems(ctx: SyncContext, ids: string[], resource = "refetch"): Promise<RefetchResult> {
  const result: RefetchResult = { written: 0, deleted: [], transferred: [] };
  const here = `${ctx.repo.owner}/${ctx.repo.name}`.toLowerCase();
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const nodes = await fetchNodes(ctx, batch);
    const items: GqlItem[] = [];
    batch.forEach((id, k) => {
      const node = nodes[k];
      const where = node?.repository?.nameWithOwner;
      if (!node || (node.__typename !== "Issue" && node.__typename !== "PullRequest")) result.deleted.push(id);
      else if (where && where.toLowerCase() !== here) result.transferred.push({ id, to: where });
      else items.push(node);
    });
    const bundles = await completeItems(ctx, items);
    const gone = {
      deleted: result.deleted.filter((id) => batch.includes(id)),
      moved: result.transferred.filter((t) => batch.includes(t.id)),
    };
    await commitPage(ctx, resource, { fetched: items.length, changed: bundles.length }, async (tx) => {
      await writeItems(tx, ctx.repo.id, bundles);
      await markRemoved(
        tx,
        ctx.repo.id,
        gone.deleted.map((id) => ({ id, reason: "deleted", to: null })),
      );
      await markRemoved(
        tx,
        ctx.repo.id,
        gone.moved.map((t) => ({ id: t.id, reason: "transferred", to: t.to })),
      );
    });
    result.written += bundles.length;
  }
  return result;
}

type Removal = { id: string; reason: "deleted" | "transferred"; to: string | null };

/** Only rows still in this repository: a transferred item another synced repository picked up stays there. */
export async function markRemoved(tx: Tx, repoId: string, removals: Removal[], at = new Date()): Promise<number> {
  if (removals.length === 0) return 0;
  const marked = await tx.$executeRawUnsafe(
    `UPDATE "GithubItem" i SET state = upper(x.reason), "removedReason" = x.reason::"GithubRemovalReason", "transferredTo" = x."to",
       "removedAt" = COALESCE(i."removedAt", $3::timestamptz)
     FROM json_to_recordset($1::json) AS x(id text, reason text, "to" text)
     WHERE i.id = x.id AND i."repoId" = $2::uuid AND (i."removedReason" IS NULL OR i.state <> upper(x.reason))`,
    JSON.stringify(removals),
    repoId,
    at.toISOString(),
  );
  await refreshItemFacts(
    tx,
    removals.map((r) => r.id),
  );
  return marked;
}
