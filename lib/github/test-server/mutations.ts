import { eventId } from "./gen-items";
import { link } from "./links";
import { iso, nodeId } from "./random";
import type { ActorData, CommentData, EventData, GeneratedRepo, IssueData, ItemData } from "./types";

/**
 * Changes for incremental-sync tests. Each bumps `repo.meta.version` (servers drop caches) and
 * sets `updatedAt` like GitHub does, so `filterBy: { since }` and UPDATED_AT ordering see them.
 */

export type Touch = "bump" | "comment" | "label";

export interface TouchOptions {
  /** What each touch does; default cycles bump → comment → label by position. */
  kind?: Touch;
  actor?: ActorData;
}

const at = (now: Date | string) => iso(new Date(now).getTime());

function itemOf(repo: GeneratedRepo, number: number): ItemData {
  const item = repo.items.find((i) => i.number === number);
  if (!item) throw new Error(`${repo.nameWithOwner}#${number} does not exist`);
  return item;
}

function defaultActor(repo: GeneratedRepo): ActorData {
  const actor = repo.actors[0];
  if (!actor) throw new Error("repository has no actors");
  return actor;
}

function pushEvent(item: ItemData, event: EventData): void {
  event.id = eventId(event, item.databaseId, item.events.length);
  item.events.push(link(event, item));
}

function changed(repo: GeneratedRepo, when: string): void {
  repo.meta.version += 1;
  repo.updatedAt = when;
}

export function addComment(
  repo: GeneratedRepo,
  number: number,
  now: Date | string,
  options: { body?: string; author?: ActorData | null } = {},
): CommentData {
  const item = itemOf(repo, number);
  const when = at(now);
  const comments = item.comments;
  const databaseId = repo.meta.nextCommentDatabaseId++;
  const body = options.body ?? `Still happening on ${when} 🔁`;
  const comment: CommentData = {
    __typename: "IssueComment",
    id: nodeId("IC", item.databaseId, comments.length),
    databaseId,
    author: options.author === undefined ? defaultActor(repo) : options.author,
    authorAssociation: "MEMBER",
    body,
    bodyText: body,
    createdAt: when,
    updatedAt: when,
    url: `${item.url}#issuecomment-${databaseId}`,
  };
  comments.push(link(comment, item));
  item.commentCount = comments.length;
  item.updatedAt = when;
  changed(repo, when);
  return comment;
}

/** Adds a label (LabeledEvent) — the first repo label the item lacks, unless named. */
export function addLabel(
  repo: GeneratedRepo,
  number: number,
  now: Date | string,
  options: { name?: string; actor?: ActorData } = {},
): void {
  const item = itemOf(repo, number);
  const when = at(now);
  const label = options.name
    ? repo.labels.find((l) => l.name === options.name)
    : repo.labels.find((l) => !item.labels.some((x) => x.id === l.id));
  if (!label) throw new Error(`no label to add to #${number}`);
  if (!item.labels.some((l) => l.id === label.id)) item.labels.push(label);
  pushEvent(item, {
    __typename: "LabeledEvent",
    id: "",
    actor: options.actor ?? defaultActor(repo),
    createdAt: when,
    label,
  });
  item.updatedAt = when;
  changed(repo, when);
}

/** Removes a label (UnlabeledEvent); a label the item lacks is a no-op, as on GitHub. */
export function removeLabel(
  repo: GeneratedRepo,
  number: number,
  now: Date | string,
  options: { name: string; actor?: ActorData },
): void {
  const item = itemOf(repo, number);
  const label = item.labels.find((l) => l.name === options.name);
  if (!label) return;
  const when = at(now);
  item.labels = item.labels.filter((l) => l.id !== label.id);
  pushEvent(item, {
    __typename: "UnlabeledEvent",
    id: "",
    actor: options.actor ?? defaultActor(repo),
    createdAt: when,
    label,
  });
  item.updatedAt = when;
  changed(repo, when);
}

export function closeIssue(
  repo: GeneratedRepo,
  number: number,
  now: Date | string,
  stateReason: "COMPLETED" | "NOT_PLANNED" = "COMPLETED",
  actor?: ActorData,
): void {
  const item = itemOf(repo, number);
  if (item.__typename !== "Issue") throw new Error(`#${number} is a pull request`);
  const when = at(now);
  Object.assign(item, {
    state: "CLOSED",
    stateReason,
    closed: true,
    closedAt: when,
    updatedAt: when,
  } satisfies Partial<IssueData>);
  pushEvent(item, {
    __typename: "ClosedEvent",
    id: "",
    actor: actor ?? defaultActor(repo),
    createdAt: when,
    stateReason,
    url: `${item.url}#event-closed`,
  });
  changed(repo, when);
}

/** Touches each item at `now`: bump (updatedAt only), a new comment, or a new label. */
export function touchItems(
  repo: GeneratedRepo,
  numbers: readonly number[],
  now: Date | string,
  options: TouchOptions = {},
): ItemData[] {
  const kinds: Touch[] = ["bump", "comment", "label"];
  return numbers.map((number, i) => {
    const kind = options.kind ?? kinds[i % kinds.length];
    if (kind === "comment") addComment(repo, number, now, { author: options.actor });
    else if (kind === "label") addLabel(repo, number, now, { actor: options.actor });
    const item = itemOf(repo, number);
    item.updatedAt = at(now);
    changed(repo, item.updatedAt);
    return item;
  });
}

/**
 * Moves an issue to another repository, as GitHub's "Transfer issue": new number there, same
 * node id, labels kept only where the target has one of the same name, milestone dropped.
 */
export function transferItem(from: GeneratedRepo, number: number, to: GeneratedRepo, now: Date | string): IssueData {
  const index = from.items.findIndex((i) => i.number === number);
  const item = from.items[index];
  if (!item) throw new Error(`${from.nameWithOwner}#${number} does not exist`);
  if (item.__typename !== "Issue") throw new Error("GitHub can only transfer issues, not pull requests");
  const when = at(now);
  from.items.splice(index, 1);
  const newNumber = to.meta.nextNumber++;
  item.number = newNumber;
  item.resourcePath = `/${to.nameWithOwner}/issues/${newNumber}`;
  item.url = `https://github.com${item.resourcePath}`;
  item.labels = item.labels.flatMap((l) => to.labels.filter((t) => t.name === l.name));
  item.milestone = null;
  item.updatedAt = when;
  pushEvent(item, {
    __typename: "TransferredEvent",
    id: "",
    actor: defaultActor(from),
    createdAt: when,
    fromRepository: { __typename: "Repository", nameWithOwner: from.nameWithOwner },
  });
  to.items.push(link(item, to));
  from.tombstones.push({
    number,
    kind: "Issue",
    id: item.id,
    reason: "transferred",
    at: when,
    to: { nameWithOwner: to.nameWithOwner, number: newNumber },
  });
  changed(from, when);
  changed(to, when);
  return item;
}

/** Deletes an issue (GitHub cannot delete pull requests); it simply stops appearing in queries. */
export function deleteItem(repo: GeneratedRepo, number: number, now: Date | string): void {
  const index = repo.items.findIndex((i) => i.number === number);
  const item = repo.items[index];
  if (!item) throw new Error(`${repo.nameWithOwner}#${number} does not exist`);
  if (item.__typename !== "Issue") throw new Error("GitHub can only delete issues, not pull requests");
  repo.items.splice(index, 1);
  const when = at(now);
  repo.tombstones.push({ number, kind: "Issue", id: item.id, reason: "deleted", at: when });
  changed(repo, when);
}

/** Opens a new issue, as GitHub's `createIssue`: the next number of the shared sequence, by `author`. */
export function createIssue(
  repo: GeneratedRepo,
  now: Date | string,
  options: { title: string; body?: string; author: ActorData | null; labels?: string[] },
): IssueData {
  const when = at(now);
  const number = repo.meta.nextNumber++;
  const databaseId = repo.databaseId * 1_000_000 + number;
  const resourcePath = `/${repo.nameWithOwner}/issues/${number}`;
  const body = options.body ?? "";
  const issue: IssueData = {
    __typename: "Issue",
    id: nodeId("I", databaseId),
    databaseId,
    number,
    title: options.title,
    body,
    bodyText: body,
    author: options.author,
    authorAssociation: "MEMBER",
    createdAt: when,
    updatedAt: when,
    closedAt: null,
    closed: false,
    locked: false,
    url: `https://github.com${resourcePath}`,
    resourcePath,
    labels: repo.labels.filter((l) => options.labels?.includes(l.name)),
    assignees: [],
    milestone: null,
    comments: [],
    commentCount: 0,
    events: [],
    state: "OPEN",
    stateReason: null,
  };
  repo.items.push(link(issue, repo));
  changed(repo, when);
  return issue;
}
