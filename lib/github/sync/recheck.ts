// CI re-checks: a PR's or default-branch commit's checks finish without GitHub bumping anything
// an incremental walk would see, so those still running are asked for again on the next sync.
import type { GqlCheckContext, GqlRecheck } from "../queries/types";
import type { Tx } from "./bulk";
import { writeCommitChecks } from "./write-items";

export async function writeRecheck(
  tx: Tx,
  repoId: string,
  rechecks: { node: GqlRecheck; contexts: GqlCheckContext[] }[],
): Promise<void> {
  const pulls: { id: string; state: string | null }[] = [];
  const commits: { id: string; state: string | null }[] = [];
  const checks: { oid: string; contexts: GqlCheckContext[] }[] = [];
  for (const { node, contexts } of rechecks) {
    if (!node) continue; // deleted since
    const state = node.statusCheckRollup?.state ?? null;
    if (node.__typename === "PullRequest") {
      pulls.push({ id: node.id, state });
      checks.push({ oid: node.headRefOid, contexts });
    } else {
      commits.push({ id: node.id, state });
      checks.push({ oid: node.oid, contexts });
    }
  }
  if (pulls.length) {
    await tx.$executeRawUnsafe(
      `UPDATE "GithubItem" i SET "checkState" = x.state FROM json_to_recordset($1::json) AS x(id text, state text)
       WHERE i.id = x.id AND i."checkState" IS DISTINCT FROM x.state`,
      JSON.stringify(pulls),
    );
  }
  if (commits.length) {
    await tx.$executeRawUnsafe(
      `UPDATE "GithubCommit" c SET "checkState" = x.state FROM json_to_recordset($1::json) AS x(id text, state text)
       WHERE c."repoId" = $2::uuid AND c."nodeId" = x.id AND c."checkState" IS DISTINCT FROM x.state`,
      JSON.stringify(commits),
      repoId,
    );
  }
  await writeCommitChecks(tx, repoId, checks);
}
