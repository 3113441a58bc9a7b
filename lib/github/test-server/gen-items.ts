import { associationOf, type GenContext } from "./gen-context";
import { dependabotText, finishPull, makePullFields } from "./gen-pulls";
import { defineLazy, link } from "./links";
import { DAY, iso, nodeId, rngFor, type Rng } from "./random";
import { commentBody, issueTitle, markdownBody, plainText, slug } from "./text";
import type { ActorData, CommentData, EventData, IssueData, ItemData, PullRequestData } from "./types";

const EVENT_PREFIX: Record<EventData["__typename"], string> = {
  LabeledEvent: "LE",
  UnlabeledEvent: "UNLE",
  ClosedEvent: "CE",
  ReopenedEvent: "REE",
  AssignedEvent: "AE",
  ReadyForReviewEvent: "RFRE",
  MergedEvent: "ME",
  ReviewRequestedEvent: "RRE",
  TransferredEvent: "TE",
};

export function eventId(event: EventData, itemDbId: number, index: number): string {
  return nodeId(EVENT_PREFIX[event.__typename], itemDbId, index);
}

export function itemDatabaseId(ctx: GenContext, number: number): number {
  return ctx.repoDbId * 1_000_000 + number;
}

/** Issues and PRs share one number sequence; exactly `issues` issues and `pulls` PRs. */
export function generateItems(ctx: GenContext, issues: number, pulls: number): ItemData[] {
  const total = issues + pulls;
  const kinds = rngFor(ctx.seed, ctx.repoKey, "kinds");
  const bigThread = Math.floor(total / 2) + 1;
  const items: ItemData[] = [];
  let pullsLeft = pulls;
  let commentDbId = ctx.commentDbBase;
  for (let number = 1; number <= total; number++) {
    const isPull = kinds.next() < pullsLeft / (total - number + 1);
    if (isPull) pullsLeft--;
    const item = makeItem(ctx, number, total, isPull, number === bigThread, commentDbId);
    commentDbId += item.commentCount;
    items.push(item);
  }
  return items;
}

function pickAuthor(ctx: GenContext, r: Rng, isPull: boolean): ActorData | null {
  const u = r.next();
  if (u < 0.02) return null; // deleted account ("ghost"): GraphQL returns author: null
  if (isPull && u < 0.17) return ctx.bots.dependabot;
  if (isPull && u < 0.2) return ctx.bots.renovate;
  if (!isPull && u < 0.04) return ctx.bots.actions;
  return r.chance(0.3) ? r.pick(ctx.maintainers) : r.pick(ctx.users);
}

function commentCountFor(r: Rng, bigThread: boolean): number {
  if (bigThread) return r.int(180, 250);
  const u = r.next();
  if (u < 0.3) return 0;
  if (u < 0.8) return r.int(1, 5);
  if (u < 0.95) return r.int(6, 30);
  if (u < 0.99) return r.int(31, 99);
  return r.int(100, 250);
}

function makeItem(
  ctx: GenContext,
  number: number,
  total: number,
  isPull: boolean,
  bigThread: boolean,
  commentDbBase: number,
): ItemData {
  const r = rngFor(ctx.seed, ctx.repoKey, "item", number);
  const createdMs = ctx.startMs + ((ctx.nowMs - ctx.startMs) * (number - 1 + r.next())) / total;
  const author = pickAuthor(ctx, r, isPull);
  const bot = author?.__typename === "Bot" && isPull ? dependabotText(r, author.login) : null;
  const title = bot?.title ?? issueTitle(r, isPull);
  const body = bot?.body ?? markdownBody(r, r.int(1, 4));
  const activeMs = r.chance(0.15) ? r.int(60, 3 * 3600) * 1000 : -Math.log(1 - r.next()) * 25 * DAY;
  const lastMs = ctx.nowMs - 60_000;
  // Items still active at "now" were last touched at some recent moment, not all at the same second.
  let updatedMs =
    createdMs + activeMs < lastMs
      ? createdMs + activeMs
      : Math.max(createdMs, createdMs + (lastMs - createdMs) * (0.5 + 0.5 * r.next()));
  const between = (from: number, to: number) => from + (to - from) * r.next();
  const events: EventData[] = [];
  const maintainer = () => r.pick(ctx.maintainers);
  const label = (name: string, atMs: number, actor: ActorData | null, removed = false) => {
    const data = ctx.labels.get(name);
    if (data)
      events.push({
        __typename: removed ? "UnlabeledEvent" : "LabeledEvent",
        id: "",
        actor,
        createdAt: iso(atMs),
        label: data,
      });
  };

  // State: older items are more often closed; some were closed and reopened; some went stale.
  let closedMs: number | null = null;
  let stateReason: IssueData["stateReason"] = null;
  const labels: string[] = [];
  const stale = !isPull && r.chance(0.06) && createdMs + 45 * DAY < lastMs;
  if (stale) {
    const staleMs = createdMs + 30 * DAY + r.int(0, 86_400) * 1000;
    closedMs = Math.min(staleMs + 14 * DAY, lastMs);
    updatedMs = closedMs;
    stateReason = "NOT_PLANNED";
    labels.push("status-stale");
    label("status-stale", staleMs, ctx.bots.actions);
  } else if (r.chance(ctx.nowMs - createdMs > 45 * DAY ? 0.72 : 0.35)) {
    closedMs = between(createdMs + (updatedMs - createdMs) * 0.6, updatedMs);
    stateReason = r.chance(0.85) ? "COMPLETED" : "NOT_PLANNED";
  }
  if (updatedMs - createdMs > 2 * DAY && r.chance(0.06)) {
    const span = updatedMs - createdMs;
    events.push({
      __typename: "ClosedEvent",
      id: "",
      actor: maintainer(),
      createdAt: iso(createdMs + span * 0.3),
      stateReason: isPull ? null : "COMPLETED",
      url: "",
    });
    events.push({
      __typename: "ReopenedEvent",
      id: "",
      actor: author ?? maintainer(),
      createdAt: iso(createdMs + span * 0.45),
      stateReason: "REOPENED",
    });
    if (closedMs === null) stateReason = "REOPENED";
  }
  const merged = isPull && closedMs !== null && r.chance(0.8);
  if (closedMs !== null) {
    const closer = stale ? ctx.bots.actions : r.chance(0.7) ? maintainer() : author;
    events.push({
      __typename: "ClosedEvent",
      id: "",
      actor: closer,
      createdAt: iso(closedMs),
      stateReason: isPull ? null : stateReason === "NOT_PLANNED" ? "NOT_PLANNED" : "COMPLETED",
      url: "",
    });
  }

  // Labels, with the history that produced them.
  const labelWindow = Math.min(2 * DAY, updatedMs - createdMs);
  if (isPull) {
    if (bot) labels.push("dependencies", ...(r.chance(0.3) ? ["security"] : []));
    else if (r.chance(0.35)) labels.push(r.pick(["enhancement", "bug", "documentation"]));
  } else {
    labels.push(r.pick(["bug", "bug", "enhancement", "enhancement", "documentation", "question"]));
    if (r.chance(0.45)) labels.push(r.pick(["P0", "P1", "P1", "P2", "P2", "P2", "P3", "P3"]));
    if (r.chance(0.08)) labels.push(r.pick(["good first issue", "help wanted"]));
    if (r.chance(0.02)) labels.push(r.pick(["duplicate", "wontfix"]));
  }
  for (const name of labels) {
    if (name === "status-stale") continue;
    const priority = /^P[0-3]$/.test(name);
    if (priority && r.chance(0.1)) {
      const first = r.pick(["P0", "P1", "P2", "P3"].filter((p) => p !== name));
      const t1 = createdMs + labelWindow * r.next() * 0.5;
      const t2 = between(t1, updatedMs);
      label(first, t1, maintainer());
      label(first, t2, maintainer(), true);
      label(name, t2, maintainer());
    } else {
      label(name, createdMs + labelWindow * r.next(), bot ? author : maintainer());
    }
  }
  if (!isPull && r.chance(0.1)) {
    label("triage", createdMs + Math.min(60_000, updatedMs - createdMs), ctx.bots.actions);
    label("triage", between(createdMs + Math.min(60_000, updatedMs - createdMs), updatedMs), maintainer(), true);
  }

  const assignees = r.chance(0.4) ? r.sample(ctx.maintainers, r.chance(0.2) ? 2 : 1) : [];
  for (const assignee of assignees) {
    events.push({
      __typename: "AssignedEvent",
      id: "",
      actor: maintainer(),
      createdAt: iso(createdMs + labelWindow * r.next()),
      assignee,
      user: assignee,
    });
  }
  const milestone = r.chance(0.25) ? r.pick(ctx.milestones) : null;
  const commentCount = commentCountFor(r, bigThread);
  const itemDbId = itemDatabaseId(ctx, number);
  const path = `/${ctx.repoKey}/${isPull ? "pull" : "issues"}/${number}`;
  const url = `https://github.com${path}`;

  const base = {
    databaseId: itemDbId,
    number,
    title,
    body,
    bodyText: plainText(body),
    author,
    authorAssociation: associationOf(ctx, author),
    createdAt: iso(createdMs),
    updatedAt: iso(updatedMs),
    closedAt: closedMs === null ? null : iso(closedMs),
    closed: closedMs !== null,
    locked: false,
    url,
    resourcePath: path,
    labels: labels.map((name) => ctx.labels.get(name)).filter((l) => l !== undefined),
    assignees,
    milestone,
    comments: [] as CommentData[],
    commentCount,
    events,
  };
  let item: ItemData;
  if (isPull) {
    const plan = {
      number,
      itemDbId,
      itemUrl: url,
      title,
      author,
      createdMs,
      updatedMs,
      closedMs,
      merged,
      open: closedMs === null,
    };
    const headRefName = bot?.headRefName ?? `${author?.login ?? "ghost"}/${slug(title)}`;
    const { fields, makeCommits } = makePullFields(ctx, r, plan, headRefName, events);
    const state: PullRequestData["state"] = merged ? "MERGED" : closedMs === null ? "OPEN" : "CLOSED";
    const pr: PullRequestData = {
      __typename: "PullRequest",
      id: nodeId("PR", itemDbId),
      ...base,
      state,
      ...fields,
      commits: [],
    };
    finishPull(pr, makeCommits);
    item = pr;
  } else {
    item = {
      __typename: "Issue",
      id: nodeId("I", itemDbId),
      ...base,
      state: closedMs === null ? "OPEN" : "CLOSED",
      stateReason,
    };
  }
  events.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  events.forEach((event, i) => {
    event.id = eventId(event, itemDbId, i);
    if ("url" in event) event.url = `${url}#event-${itemDbId * 100 + i}`;
    link(event, item);
  });
  const window = { number, commentCount, createdMs, updatedMs, commentDbBase, itemDbId, url, author };
  defineLazy(item, "comments", () => makeComments(ctx, window).map((c) => link(c, item)));
  return item;
}

interface CommentWindow {
  number: number;
  commentCount: number;
  createdMs: number;
  updatedMs: number;
  commentDbBase: number;
  itemDbId: number;
  url: string;
  author: ActorData | null;
}

/** Comments spread over the item's active period; the last one is its last activity. */
function makeComments(ctx: GenContext, w: CommentWindow): CommentData[] {
  const r = rngFor(ctx.seed, ctx.repoKey, "comments", w.number);
  const times: number[] = [];
  for (let i = 0; i < w.commentCount; i++) times.push(w.createdMs + (w.updatedMs - w.createdMs) * r.next());
  times.sort((a, b) => a - b);
  if (times.length > 0) times[times.length - 1] = w.updatedMs;
  return times.map((t, i) => {
    const u = r.next();
    const author: ActorData | null =
      u < 0.02
        ? null
        : u < 0.05
          ? ctx.bots.actions
          : u < 0.3
            ? w.author
            : u < 0.65
              ? r.pick(ctx.maintainers)
              : r.pick(ctx.users);
    const body = commentBody(r);
    const databaseId = w.commentDbBase + i;
    const edited = r.chance(0.05) ? Math.min(t + 3_600_000, w.updatedMs) : t;
    return {
      __typename: "IssueComment" as const,
      id: nodeId("IC", w.itemDbId, i),
      databaseId,
      author,
      authorAssociation: associationOf(ctx, author),
      body,
      bodyText: plainText(body),
      createdAt: iso(t),
      updatedAt: iso(Math.max(t, edited)),
      url: `${w.url}#issuecomment-${databaseId}`,
    };
  });
}
