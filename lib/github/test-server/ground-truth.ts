import type { ActorData, GeneratedRepo, ItemData, Tombstone } from "./types";

/**
 * Flat, database-shaped facts about a generated repository: what a correct sync must end up
 * storing. Generating it reads every lazy part (comments, PR commits), so call it once per test.
 */

export interface ActorTruth {
  login: string;
  /** GraphQL `__typename`; bot logins have no `[bot]` suffix. */
  type: "User" | "Bot";
}

export interface LabelEventTruth {
  action: "labeled" | "unlabeled";
  label: string;
  actor: string | null;
  at: string;
}

export interface ItemTruth {
  id: string;
  databaseId: number;
  number: number;
  kind: "Issue" | "PullRequest";
  title: string;
  /** May contain `\u0000`, as real GitHub bodies do. */
  body: string;
  state: string;
  stateReason: string | null;
  author: ActorTruth | null;
  labels: string[];
  assignees: string[];
  milestone: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  commentCount: number;
  labelEvents: LabelEventTruth[];
  reopenedCount: number;
  pull: {
    isDraft: boolean;
    readyForReviewAt: string | null;
    merged: boolean;
    mergedAt: string | null;
    mergedBy: string | null;
    reviews: { author: string | null; state: string; submittedAt: string }[];
    requestedReviewers: string[];
    headCheckState: string | null;
    failedCheckRuns: string[];
  } | null;
}

export interface RepoTruth {
  nameWithOwner: string;
  stargazerCount: number;
  forkCount: number;
  watcherCount: number;
  items: ItemTruth[];
  tombstones: Tombstone[];
  releases: {
    tagName: string;
    description: string;
    isDraft: boolean;
    isPrerelease: boolean;
    publishedAt: string | null;
    author: string | null;
    publishedBy: ActorTruth;
  }[];
  tags: { name: string; annotated: boolean; commitOid: string }[];
  alerts: {
    number: number;
    state: string;
    severity: string;
    package: string;
    ecosystem: string;
    ghsaId: string;
    cveId: string | null;
    createdAt: string;
    closedAt: string | null;
  }[];
  defaultBranchCommits: number;
}

const actor = (a: ActorData | null): ActorTruth | null => (a ? { login: a.login, type: a.__typename } : null);

export function itemTruth(item: ItemData): ItemTruth {
  const pull = item.__typename === "PullRequest" ? item : null;
  const head = pull?.commits.at(-1)?.commit ?? null;
  return {
    id: item.id,
    databaseId: item.databaseId,
    number: item.number,
    kind: item.__typename,
    title: item.title,
    body: item.body,
    state: item.state,
    stateReason: item.__typename === "Issue" ? item.stateReason : null,
    author: actor(item.author),
    labels: item.labels.map((l) => l.name).sort(),
    assignees: item.assignees.map((a) => a.login).sort(),
    milestone: item.milestone?.title ?? null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    closedAt: item.closedAt,
    commentCount: item.comments.length,
    labelEvents: item.events.flatMap((e) =>
      e.__typename === "LabeledEvent" || e.__typename === "UnlabeledEvent"
        ? [
            {
              action: e.__typename === "LabeledEvent" ? ("labeled" as const) : ("unlabeled" as const),
              label: e.label.name,
              actor: e.actor?.login ?? null,
              at: e.createdAt,
            },
          ]
        : [],
    ),
    reopenedCount: item.events.filter((e) => e.__typename === "ReopenedEvent").length,
    pull: pull && {
      isDraft: pull.isDraft,
      readyForReviewAt: pull.readyForReviewAt,
      merged: pull.merged,
      mergedAt: pull.mergedAt,
      mergedBy: pull.mergedBy?.login ?? null,
      reviews: pull.reviews.map((r) => ({
        author: r.author?.login ?? null,
        state: r.state,
        submittedAt: r.submittedAt,
      })),
      requestedReviewers: pull.reviewRequests.map((r) => r.requestedReviewer.login),
      headCheckState: head?.statusCheckRollup?.state ?? null,
      failedCheckRuns:
        head?.checkSuites.flatMap((s) =>
          s.checkRuns
            .filter((r) => r.conclusion && !["SUCCESS", "NEUTRAL", "SKIPPED"].includes(r.conclusion))
            .map((r) => r.name),
        ) ?? [],
    },
  };
}

export function groundTruth(repo: GeneratedRepo): RepoTruth {
  return {
    nameWithOwner: repo.nameWithOwner,
    stargazerCount: repo.stargazerCount,
    forkCount: repo.forkCount,
    watcherCount: repo.watcherCount,
    items: repo.items.map(itemTruth),
    tombstones: [...repo.tombstones],
    releases: repo.releases.map((r) => ({
      tagName: r.tagName,
      description: r.description,
      isDraft: r.isDraft,
      isPrerelease: r.isPrerelease,
      publishedAt: r.publishedAt,
      author: r.author?.login ?? null,
      publishedBy: actor(r.publishedBy) as ActorTruth,
    })),
    tags: repo.refs
      .filter((r) => r.prefix === "refs/tags/")
      .map((r) => ({
        name: r.name,
        annotated: r.target.__typename === "Tag",
        commitOid: r.target.__typename === "Tag" ? r.target.target.oid : r.target.oid,
      })),
    alerts: repo.vulnerabilityAlerts.map((a) => ({
      number: a.number,
      state: a.state,
      severity: a.securityVulnerability.severity,
      package: a.securityVulnerability.package.name,
      ecosystem: a.securityVulnerability.package.ecosystem,
      ghsaId: a.securityAdvisory.ghsaId,
      cveId: a.securityAdvisory.identifiers.find((i) => i.type === "CVE")?.value ?? null,
      createdAt: a.createdAt,
      closedAt: a.fixedAt ?? a.dismissedAt ?? a.autoDismissedAt,
    })),
    defaultBranchCommits: repo.history.length,
  };
}

/** Items a correct incremental sync must fetch: updated at or after `since`. */
export function itemsUpdatedSince(
  repo: GeneratedRepo,
  since: Date | string,
  kind?: ItemData["__typename"],
): ItemData[] {
  const t = new Date(since).getTime();
  return repo.items.filter((i) => (!kind || i.__typename === kind) && Date.parse(i.updatedAt) >= t);
}
