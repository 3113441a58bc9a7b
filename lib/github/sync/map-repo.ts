// GraphQL CI contexts, commits, releases, tags and alerts → table rows (tables.ts).
import type { GqlAlert, GqlCheckContext, GqlCheckSuite, GqlCommit, GqlRelease, GqlTagRef } from "../queries/types";
import { cleanText, toActor } from "../text";
import type { Row } from "./bulk";

function suiteRow(repoId: string, commitOid: string, s: GqlCheckSuite): Row {
  return {
    id: s.id,
    repoId,
    commitOid,
    databaseId: s.databaseId,
    app: s.app?.slug ?? null,
    workflowName: cleanText(s.workflowRun?.workflow.name),
    status: s.status,
    conclusion: s.conclusion,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/**
 * A commit's rollup contexts → check suite rows and check run rows (legacy statuses are runs of kind
 * "status"). `allSuites`: the commit's own suite list, whose completed suites without a run in the
 * rollup (a workflow that failed to start: STARTUP_FAILURE) are stored too, so CI figures count them.
 */
export function checkRows(
  repoId: string,
  commitOid: string,
  contexts: GqlCheckContext[],
  allSuites: GqlCheckSuite[] = [],
): { suites: Row[]; runs: Row[] } {
  const suites = new Map<string, Row>();
  const runs: Row[] = [];
  for (const c of contexts) {
    if (c.__typename === "StatusContext") {
      runs.push({
        id: c.id,
        repoId,
        commitOid,
        suiteId: null,
        kind: "status",
        databaseId: null,
        name: cleanText(c.context),
        status: "COMPLETED",
        conclusion: c.state,
        startedAt: c.createdAt,
        completedAt: c.state === "PENDING" ? null : c.createdAt,
        url: c.targetUrl,
      });
      continue;
    }
    const s = c.checkSuite;
    suites.set(s.id, suiteRow(repoId, commitOid, s));
    runs.push({
      id: c.id,
      repoId,
      commitOid,
      suiteId: s.id,
      kind: "check_run",
      databaseId: c.databaseId,
      name: cleanText(c.name),
      status: c.status,
      conclusion: c.conclusion,
      startedAt: c.startedAt,
      completedAt: c.completedAt,
      url: c.detailsUrl,
    });
  }
  for (const s of allSuites)
    if (s.status === "COMPLETED" && !suites.has(s.id)) suites.set(s.id, suiteRow(repoId, commitOid, s));
  return { suites: [...suites.values()], runs };
}

export function commitRow(repoId: string, c: GqlCommit): Row {
  return {
    repoId,
    oid: c.oid,
    nodeId: c.id,
    committedDate: c.committedDate,
    messageHeadline: cleanText(c.messageHeadline),
    authorLogin: c.author?.user?.login ?? null,
    url: c.url,
    checkState: c.statusCheckRollup?.state ?? null,
  };
}

/** `Release.author` is a User: a release published by a bot has no author here. */
export function releaseRow(repoId: string, r: GqlRelease): Row {
  return {
    id: r.id,
    repoId,
    databaseId: r.databaseId,
    tagName: cleanText(r.tagName),
    name: cleanText(r.name),
    isDraft: r.isDraft,
    isPrerelease: r.isPrerelease,
    isLatest: r.isLatest,
    authorLogin: toActor(r.author).login,
    tagCommitOid: r.tagCommit?.oid ?? null,
    url: r.url,
    body: cleanText(r.description) || null,
    createdAt: r.createdAt,
    publishedAt: r.publishedAt,
    updatedAt: r.updatedAt,
  };
}

/** Annotated tags point at a Tag object that wraps the commit; lightweight ones at the commit. */
export function tagRow(repoId: string, ref: GqlTagRef): Row | null {
  const target = ref.target;
  if (!target) return null;
  const annotated = target.__typename === "Tag";
  const commit = annotated ? target.target : target;
  return {
    repoId,
    name: cleanText(ref.name),
    commitOid: commit?.oid ?? null,
    tagOid: annotated ? target.oid : null,
    annotated,
    message: annotated ? cleanText(target.message) : null,
    taggedAt: annotated ? (target.tagger?.date ?? null) : null,
    commitDate: commit?.committedDate ?? null,
  };
}

export function alertRow(repoId: string, a: GqlAlert): Row {
  const v = a.securityVulnerability;
  const advisory = a.securityAdvisory;
  return {
    id: a.id,
    repoId,
    number: a.number,
    state: a.state,
    severity: v?.severity ?? null,
    packageName: v?.package.name ?? null,
    ecosystem: v?.package.ecosystem ?? null,
    manifestPath: a.vulnerableManifestPath,
    vulnerableRange: v?.vulnerableVersionRange ?? null,
    vulnerableRequirements: a.vulnerableRequirements,
    patchedVersion: v?.firstPatchedVersion?.identifier ?? null,
    ghsaId: advisory?.ghsaId ?? null,
    cveId: advisory?.identifiers.find((i) => i.type === "CVE")?.value ?? null,
    summary: cleanText(advisory?.summary),
    advisoryUrl: advisory?.permalink ?? null,
    dependencyScope: a.dependencyScope,
    dismissReason: cleanText(a.dismissReason),
    createdAt: a.createdAt,
    fixedAt: a.fixedAt,
    dismissedAt: a.dismissedAt,
    autoDismissedAt: a.autoDismissedAt,
  };
}
