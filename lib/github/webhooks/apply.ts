// What each webhook event does. Item events re-fetch the whole item by node id (the payload is a
// REST snapshot without comments or events); CI events re-check the commit's rollup; labels are
// applied from the payload; releases and alerts are re-read from GraphQL.
import { RECHECK_PAGE, ALERT_BY_NUMBER, RELEASES_PAGE } from "../queries/repository";
import type { GqlAlert, GqlRecheck, GqlRelease, SimplePage } from "../queries/types";
import { partialData } from "../client-errors";
import { cleanText } from "../text";
import { goneRecheck } from "../sync/repo-overview";
import { upsertRows } from "../sync/bulk";
import { commitPage, type SyncContext } from "../sync/context";
import { completeContexts } from "../sync/item-details";
import { alertRow, releaseRow } from "../sync/map-repo";
import { markRemoved, refetchItems } from "../sync/refetch";
import { writeRecheck } from "../sync/recheck";
import { ALERTS, LABELS, RELEASES } from "../sync/tables";

/** The parts of GitHub's (REST-shaped) payloads these handlers read. */
export interface WebhookPayload {
  action?: string;
  issue?: { node_id?: string };
  pull_request?: { node_id?: string };
  changes?: { new_repository?: { full_name?: string } };
  label?: { node_id?: string; name?: string; color?: string; description?: string | null };
  release?: { node_id?: string };
  alert?: { number?: number };
  check_run?: { head_sha?: string };
  check_suite?: { head_sha?: string };
  workflow_run?: { head_sha?: string };
}

export async function applyWebhook(ctx: SyncContext, event: string, p: WebhookPayload): Promise<string> {
  const repoId = ctx.repo.id;
  switch (event) {
    case "issues":
    case "issue_comment":
    case "pull_request":
    case "pull_request_review": {
      const id = event.startsWith("pull_request") ? p.pull_request?.node_id : p.issue?.node_id;
      if (!id) return "no item in payload";
      if (event === "issues" && (p.action === "deleted" || p.action === "transferred")) {
        const reason = p.action;
        await commitPage(ctx, "webhook", { fetched: 0, changed: 1 }, (tx) =>
          markRemoved(tx, repoId, [
            { id, reason, to: reason === "transferred" ? (p.changes?.new_repository?.full_name ?? null) : null },
          ]).then(() => undefined),
        );
        return `marked ${reason}`;
      }
      const result = await refetchItems(ctx, [id], "webhook");
      return `re-fetched (${result.written} written, ${result.deleted.length} deleted, ${result.transferred.length} transferred)`;
    }
    case "check_run":
    case "check_suite":
    case "workflow_run":
      return recheckCommit(ctx, p.check_run?.head_sha ?? p.check_suite?.head_sha ?? p.workflow_run?.head_sha);
    case "label": {
      const label = p.label;
      if (!label?.node_id) return "no label in payload";
      if (p.action === "deleted") {
        await ctx.db.githubLabel.deleteMany({ where: { id: label.node_id, repoId } });
        return "label deleted";
      }
      const row = {
        id: label.node_id,
        repoId,
        name: cleanText(label.name ?? ""),
        color: label.color ?? "",
        description: cleanText(label.description),
      };
      await commitPage(ctx, "webhook", { fetched: 0, changed: 1 }, (tx) =>
        upsertRows(tx, LABELS, [row]).then(() => undefined),
      );
      return "label stored";
    }
    case "release": {
      if (p.action === "deleted" && p.release?.node_id) {
        await ctx.db.githubRelease.deleteMany({ where: { id: p.release.node_id, repoId } });
        return "release deleted";
      }
      const data = await ctx.client.query<{ repository: { releases: SimplePage<GqlRelease> } | null }>(RELEASES_PAGE, {
        owner: ctx.repo.owner,
        name: ctx.repo.name,
        first: 25,
        after: null,
      });
      const rows = (data.repository?.releases.nodes ?? []).map((r) => releaseRow(repoId, r));
      await commitPage(ctx, "webhook", { fetched: 0, changed: rows.length }, (tx) =>
        upsertRows(tx, RELEASES, rows).then(() => undefined),
      );
      return `releases re-read (${rows.length})`;
    }
    case "dependabot_alert": {
      if (typeof p.alert?.number !== "number") return "no alert in payload";
      const data = await ctx.client.query<{ repository: { vulnerabilityAlert: GqlAlert | null } | null }>(
        ALERT_BY_NUMBER,
        { owner: ctx.repo.owner, name: ctx.repo.name, number: p.alert.number },
      );
      const alert = data.repository?.vulnerabilityAlert;
      if (!alert) return "alert not readable";
      await commitPage(ctx, "webhook", { fetched: 0, changed: 1 }, (tx) =>
        upsertRows(tx, ALERTS, [alertRow(repoId, alert)]).then(() => undefined),
      );
      return "alert stored";
    }
    default:
      return "ignored";
  }
}

/** Re-reads the rollup of stored open PRs with this head and of a stored default-branch commit. */
async function recheckCommit(ctx: SyncContext, sha: string | undefined): Promise<string> {
  if (!sha) return "no commit in payload";
  const [pulls, commits] = await Promise.all([
    ctx.db.githubItem.findMany({ where: { repoId: ctx.repo.id, headOid: sha, state: "OPEN" }, select: { id: true } }),
    ctx.db.githubCommit.findMany({
      where: { repoId: ctx.repo.id, oid: sha, nodeId: { not: null } },
      select: { nodeId: true },
    }),
  ]);
  const ids = [...pulls.map((p) => p.id), ...commits.flatMap((c) => (c.nodeId ? [c.nodeId] : []))].slice(0, 50);
  if (ids.length === 0) return "commit not tracked (the next sync reads new commits)";
  const data = await ctx.client
    .query<{ recheck: GqlRecheck[] }>(RECHECK_PAGE, { recheck: ids })
    .catch((error: unknown) => partialData<{ recheck: GqlRecheck[] }>(error, goneRecheck));
  const contexts = await completeContexts(
    ctx,
    data.recheck.map((node) => node?.statusCheckRollup ?? null),
  );
  const rechecks = data.recheck.map((node, i) => ({ node, contexts: contexts[i] ?? [] }));
  await commitPage(ctx, "webhook", { fetched: 0, changed: rechecks.length }, (tx) =>
    writeRecheck(tx, ctx.repo.id, rechecks),
  );
  return `CI re-checked (${rechecks.length})`;
}
