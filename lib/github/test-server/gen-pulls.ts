import { associationOf, type GenContext } from "./gen-context";
import { makeCommit } from "./gen-git";
import { defineLazy, link } from "./links";
import { fakeSha, iso, nodeId, type Rng } from "./random";
import { markdownBody, packageName, plainText, slug, version } from "./text";
import type {
  ActorData,
  EventData,
  PullRequestCommitData,
  PullRequestData,
  ReviewData,
  ReviewRequestData,
  UserData,
} from "./types";

export interface PullPlan {
  number: number;
  itemDbId: number;
  itemUrl: string;
  title: string;
  author: ActorData | null;
  createdMs: number;
  updatedMs: number;
  closedMs: number | null;
  merged: boolean;
  open: boolean;
}

type PullFields = Omit<
  PullRequestData,
  | "__typename"
  | "id"
  | "databaseId"
  | "number"
  | "title"
  | "body"
  | "bodyText"
  | "author"
  | "authorAssociation"
  | "createdAt"
  | "updatedAt"
  | "closedAt"
  | "closed"
  | "locked"
  | "url"
  | "resourcePath"
  | "labels"
  | "assignees"
  | "milestone"
  | "comments"
  | "commentCount"
  | "events"
  | "state"
  | "commits"
>;

/**
 * An update bot's PR text. Steps are mostly patch (60 %), then minor (30 %) and major (10 %), as
 * Dependabot's real traffic is; Renovate writes "Update dependency X to vB" with its change table.
 * Exactly as many random draws as before (1 + 3 + 3), so the rest of the generated data is unchanged.
 */
export function dependabotText(r: Rng, botLogin = "dependabot"): { title: string; body: string; headRefName: string } {
  const pkg = packageName(r);
  const from = version(r);
  const [major, minor, patch] = from.split(".").map(Number) as [number, number, number];
  const kind = r.int(0, 9);
  const a = r.int(1, 3);
  const b = r.int(0, 5);
  const to =
    kind < 6 ? `${major}.${minor}.${patch + a}` : kind < 9 ? `${major}.${minor + a}.${b}` : `${major + a}.${b}.0`;
  if (botLogin === "renovate") {
    return {
      title: `chore(deps): update dependency ${pkg} to v${to}`,
      body: `This PR contains the following updates:\n\n| Package | Change | Age |\n|---|---|---|\n| [${pkg}](https://github.com/${pkg}/${pkg}) | [\`${from}\` -> \`${to}\`](https://renovatebot.com/diffs/npm/${pkg}/${from}/${to}) | [![age](https://developer.mend.io/api/mc/badges/age/npm/${pkg}/${to}?slim=true)](https://docs.renovatebot.com/merge-confidence/) |\n\n---\n\n### Configuration\n\n📅 **Schedule**: At any time.`,
      headRefName: `renovate/${pkg}-${major}.x`,
    };
  }
  return {
    title: `Bump ${pkg} from ${from} to ${to}`,
    body: `Bumps [${pkg}](https://github.com/${pkg}/${pkg}) from ${from} to ${to}.\n\n---\n\nDependabot will resolve any conflicts with this PR as long as you don't alter it yourself.`,
    headRefName: `dependabot/npm_and_yarn/${pkg}-${to}`,
  };
}

function reviewerPool(ctx: GenContext, author: ActorData | null): UserData[] {
  return ctx.maintainers.filter((m) => m.login !== author?.login);
}

/** PR-only fields; timeline events it implies are pushed onto `events` (ids assigned by the caller). */
export function makePullFields(
  ctx: GenContext,
  r: Rng,
  plan: PullPlan,
  headRefName: string,
  events: EventData[],
): {
  fields: PullFields;
  /** Deterministic on its own, so the caller can generate commits lazily. */
  makeCommits: () => PullRequestCommitData[];
} {
  const dependabot = plan.author?.__typename === "Bot";
  const isDraft = plan.open && !dependabot && r.chance(0.25);
  const wasDraft = !isDraft && !dependabot && r.chance(0.2);
  const endMs = plan.closedMs ?? plan.updatedMs;
  const readyMs = wasDraft ? plan.createdMs + (endMs - plan.createdMs) * 0.2 * r.next() : null;
  if (readyMs !== null)
    events.push({
      __typename: "ReadyForReviewEvent",
      id: "",
      actor: plan.author,
      createdAt: iso(readyMs),
      url: `${plan.itemUrl}#event-ready`,
    });

  const pool = reviewerPool(ctx, plan.author);
  const reviews: ReviewData[] = [];
  const reviewCount = isDraft ? 0 : (dependabot && !r.chance(0.3) ? 0 : r.int(0, 3)) + (plan.merged ? 1 : 0);
  const reviewStart = readyMs ?? plan.createdMs;
  for (let k = 0; k < reviewCount; k++) {
    const state: ReviewData["state"] =
      k === reviewCount - 1 && plan.merged
        ? "APPROVED"
        : r.pick([
            "APPROVED",
            "COMMENTED",
            "COMMENTED",
            "CHANGES_REQUESTED",
            "CHANGES_REQUESTED",
            "DISMISSED",
          ] as const);
    const at = iso(reviewStart + ((endMs - reviewStart) * (k + 1)) / (reviewCount + 1));
    const author = r.pick(pool);
    const body = state === "APPROVED" && r.chance(0.6) ? "" : markdownBody(r, 1);
    const databaseId = ctx.repoDbId * 1_000_000 + ctx.counters.review++;
    reviews.push({
      __typename: "PullRequestReview",
      id: nodeId("PRR", plan.itemDbId, k),
      databaseId,
      author,
      authorAssociation: associationOf(ctx, author),
      state,
      body,
      bodyText: plainText(body),
      createdAt: at,
      submittedAt: at,
      updatedAt: at,
      url: `${plan.itemUrl}#pullrequestreview-${databaseId}`,
    });
  }

  const reviewRequests: ReviewRequestData[] = [];
  if (plan.open && !isDraft && r.chance(0.5)) {
    r.sample(
      pool.filter((p) => !reviews.some((rv) => rv.author?.login === p.login)),
      r.int(1, 2),
    ).forEach((reviewer, j) => {
      reviewRequests.push({
        __typename: "ReviewRequest",
        id: nodeId("RR", plan.itemDbId, j),
        databaseId: ctx.repoDbId * 1_000_000 + ctx.counters.reviewRequest++,
        asCodeOwner: r.chance(0.3),
        requestedReviewer: reviewer,
      });
      events.push({
        __typename: "ReviewRequestedEvent",
        id: "",
        actor: plan.author,
        createdAt: iso((readyMs ?? plan.createdMs) + 60_000 * (j + 1)),
        requestedReviewer: reviewer,
      });
    });
  }

  let mergedBy: ActorData | null = null;
  if (plan.merged && plan.closedMs !== null) {
    mergedBy = dependabot || r.chance(0.7) ? r.pick(pool) : plan.author;
    events.push({
      __typename: "MergedEvent",
      id: "",
      actor: mergedBy,
      createdAt: iso(plan.closedMs),
      mergeRefName: "main",
      url: `${plan.itemUrl}#event-merged`,
    });
  }

  const latestDecisive = reviews.filter((rv) => rv.state === "APPROVED" || rv.state === "CHANGES_REQUESTED").at(-1);
  const headCount = dependabot ? r.int(1, 2) : r.int(1, 6);
  const reviewDecision: PullFields["reviewDecision"] = plan.merged
    ? "APPROVED"
    : latestDecisive
      ? (latestDecisive.state as "APPROVED" | "CHANGES_REQUESTED")
      : plan.open
        ? "REVIEW_REQUIRED"
        : null;
  const mergeable: PullFields["mergeable"] = !plan.open
    ? "UNKNOWN"
    : r.chance(0.1)
      ? "CONFLICTING"
      : r.chance(0.05)
        ? "UNKNOWN"
        : "MERGEABLE";
  const mergeStateStatus: PullFields["mergeStateStatus"] =
    mergeable === "UNKNOWN"
      ? "UNKNOWN"
      : mergeable === "CONFLICTING"
        ? "DIRTY"
        : isDraft
          ? "DRAFT"
          : reviewDecision === "APPROVED"
            ? "CLEAN"
            : "BLOCKED";
  const seedKey = [ctx.repoKey, "pr", plan.number] as const;
  const fields: PullFields = {
    isDraft,
    readyForReviewAt: readyMs === null ? null : iso(readyMs),
    merged: plan.merged,
    mergedAt: plan.merged && plan.closedMs !== null ? iso(plan.closedMs) : null,
    mergedBy,
    baseRefName: "main",
    headRefName,
    headRefOid: fakeSha(ctx.seed, ...seedKey, headCount - 1),
    baseRefOid: fakeSha(ctx.seed, ctx.repoKey, "base", plan.number),
    additions: r.int(1, 1200),
    deletions: r.int(0, 600),
    changedFiles: r.int(1, 40),
    reviewDecision,
    mergeable,
    mergeStateStatus,
    reviews,
    reviewRequests,
  };
  const authorUser = plan.author?.__typename === "User" ? plan.author : null;
  const makeCommits = () =>
    Array.from({ length: headCount }, (_, k): PullRequestCommitData => {
      const dateMs = plan.createdMs + ((Math.min(endMs, plan.updatedMs) - plan.createdMs) * (k + 1)) / (headCount + 1);
      const commit = makeCommit(ctx, {
        oid: fakeSha(ctx.seed, ...seedKey, k),
        slot: plan.number * 8 + k,
        dateMs: k === headCount - 1 && plan.open ? plan.updatedMs : dateMs,
        message: k === 0 ? plan.title : `${plan.title.split(" ")[0]} address review (${slug(plan.title)})`,
        author: authorUser,
      });
      return {
        __typename: "PullRequestCommit",
        id: nodeId("PRC", plan.itemDbId, k),
        commit,
        url: `${plan.itemUrl}/commits/${commit.oid}`,
      };
    });
  return { fields, makeCommits };
}

/** Links PR-owned objects to the PR and makes its commits lazy. */
export function finishPull(pr: PullRequestData, makeCommits: () => PullRequestCommitData[]): void {
  pr.reviews.forEach((review) => link(review, pr));
  pr.reviewRequests.forEach((request) => link(request, pr));
  defineLazy(pr, "commits", () => {
    const commits = makeCommits();
    for (const c of commits) link(link(c, pr).commit, c);
    return commits;
  });
}
