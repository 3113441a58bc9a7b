import { getNamedType, type GraphQLResolveInfo, isObjectType, isUnionType } from "graphql";
import { compareValues, paginate, toPageArgs } from "../connection";
import { isRecord, link, parentOf, repoOf } from "../links";
import type { ActorData, ItemData, PullRequestData, ReviewData } from "../types";
import type { Resolver, ResolverMap } from "./context";

const asItem = (s: Record<string, unknown>) => s as unknown as ItemData;
const asPull = (s: Record<string, unknown>) => s as unknown as PullRequestData;

/** `LabeledEvent` ⇄ `LABELED_EVENT`: the timeline enums are the union members' names in caps. */
export const enumNameOf = (typename: string) => typename.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();

function timelineDate(node: Record<string, unknown>): string {
  if (node.__typename === "PullRequestCommit" && isRecord(node.commit)) return String(node.commit.committedDate);
  return String(node.createdAt ?? "");
}

const unionMembers = new Map<string, Set<string>>();

/** Names the timeline connection's union accepts (issue and PR timelines differ). */
function acceptedTypes(info: GraphQLResolveInfo): Set<string> {
  const connection = getNamedType(info.returnType);
  let members = unionMembers.get(connection.name);
  if (!members) {
    const nodes = isObjectType(connection) ? connection.getFields().nodes : undefined;
    const union = nodes ? getNamedType(nodes.type) : undefined;
    members = new Set(union && isUnionType(union) ? info.schema.getPossibleTypes(union).map((t) => t.name) : []);
    unionMembers.set(connection.name, members);
  }
  return members;
}

function timelineItems(s: Record<string, unknown>, args: Record<string, unknown>, info: GraphQLResolveInfo) {
  const item = asItem(s);
  const accepted = acceptedTypes(info);
  const wanted =
    Array.isArray(args.itemTypes) && args.itemTypes.length > 0 ? new Set(args.itemTypes.map(String)) : null;
  const since = typeof args.since === "string" ? Date.parse(args.since) : null;
  const nodes: Record<string, unknown>[] = [...item.events, ...item.comments] as unknown as Record<string, unknown>[];
  if (item.__typename === "PullRequest") {
    nodes.push(...(item.reviews as unknown as Record<string, unknown>[]));
    if (!wanted || wanted.has("PULL_REQUEST_COMMIT"))
      nodes.push(...(item.commits as unknown as Record<string, unknown>[]));
  }
  const list = nodes
    .filter((n) => accepted.has(String(n.__typename)) && (!wanted || wanted.has(enumNameOf(String(n.__typename)))))
    .filter((n) => since === null || Date.parse(timelineDate(n)) >= since)
    .sort((a, b) => compareValues(timelineDate(a), timelineDate(b)));
  const skip = typeof args.skip === "number" ? Math.max(0, args.skip) : 0;
  const page = paginate(list.slice(skip), toPageArgs(args));
  return {
    ...page,
    totalCount: list.length,
    filteredCount: list.length - Math.min(skip, list.length),
    pageCount: page.nodes.length,
    updatedAt: item.updatedAt,
  };
}

function latestPerAuthor(reviews: readonly ReviewData[], states: readonly string[]): ReviewData[] {
  const latest = new Map<string, ReviewData>();
  for (const review of reviews) if (states.includes(review.state)) latest.set(review.author?.login ?? "ghost", review);
  return [...latest.values()];
}

const shared: Record<string, Resolver> = {
  comments: (s, args) => {
    const comments = asItem(s).comments;
    const order = isRecord(args.orderBy) ? args.orderBy : null;
    const sign = order?.direction === "DESC" ? -1 : 1;
    const list = order ? [...comments].sort((a, b) => sign * compareValues(a.updatedAt, b.updatedAt)) : comments;
    return paginate(list, toPageArgs(args));
  },
  timelineItems: (s, args, _ctx, info) => timelineItems(s, args, info),
  labels: (s, args) => {
    const order = isRecord(args.orderBy) ? args.orderBy : null;
    const sign = order?.direction === "DESC" ? -1 : 1;
    const labels = [...asItem(s).labels];
    if (order)
      labels.sort(
        (a, b) =>
          sign *
          compareValues(
            order.field === "NAME" ? a.name.toLowerCase() : a.createdAt,
            order.field === "NAME" ? b.name.toLowerCase() : b.createdAt,
          ),
      );
    return paginate(labels, toPageArgs(args));
  },
  participants: (s, args) => {
    const item = asItem(s);
    const people = new Map<string, ActorData>();
    for (const actor of [item.author, ...item.assignees, ...item.comments.map((c) => c.author)]) {
      if (actor?.__typename === "User") people.set(actor.login, actor);
    }
    return paginate([...people.values()], toPageArgs(args));
  },
};

export const itemResolvers: ResolverMap = {
  Issue: shared,
  PullRequest: {
    ...shared,
    reviews: (s, args) => {
      const states = Array.isArray(args.states) ? args.states : null;
      const list = asPull(s).reviews.filter(
        (r) =>
          (!states || states.includes(r.state)) && (typeof args.author !== "string" || r.author?.login === args.author),
      );
      return paginate(list, toPageArgs(args));
    },
    latestReviews: (s, args) =>
      paginate(
        latestPerAuthor(asPull(s).reviews, ["APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED"]),
        toPageArgs(args),
      ),
    latestOpinionatedReviews: (s, args) =>
      paginate(latestPerAuthor(asPull(s).reviews, ["APPROVED", "CHANGES_REQUESTED"]), toPageArgs(args)),
    statusCheckRollup: (s) => asPull(s).commits.at(-1)?.commit.statusCheckRollup ?? null,
    totalCommentsCount: (s) => asPull(s).commentCount,
    headRef: (s) => {
      const pr = asPull(s);
      const head = pr.commits.at(-1)?.commit;
      if (pr.state !== "OPEN" || !head) return null; // branch deleted after merge/close
      return link(
        { __typename: "Ref", id: `REF_${pr.id}`, name: pr.headRefName, prefix: "refs/heads/", target: head },
        pr,
      );
    },
    baseRef: (s) => repoOf(s)?.defaultBranchRef ?? null,
  },
  IssueComment: {
    // A PR's comments belong to its underlying issue; we have one object for both.
    issue: (s) => parentOf(s) ?? null,
    pullRequest: (s) => {
      const parent = parentOf(s);
      return isRecord(parent) && parent.__typename === "PullRequest" ? parent : null;
    },
  },
};
