// GraphQL items → table rows (tables.ts). Text is cleaned here, on the way in; actors become
// login + type (user / bot / ghost).
import { createHash } from "node:crypto";
import type { GqlComment, GqlEvent, GqlItem, GqlLabel, GqlReview } from "../queries/types";
import { cleanText, toActor } from "../text";
import type { Row } from "./bulk";

const EVENT_KIND: Record<string, string> = {
  LabeledEvent: "labeled",
  UnlabeledEvent: "unlabeled",
  ClosedEvent: "closed",
  ReopenedEvent: "reopened",
  ReadyForReviewEvent: "ready_for_review",
  ConvertToDraftEvent: "convert_to_draft",
};

const hashes = new WeakMap<GqlItem, string>();

/** The item as GitHub answered it (with the first pages of its lists), hashed: equal hashes, nothing changed. */
export function itemHash(item: GqlItem): string {
  let hash = hashes.get(item);
  if (hash === undefined) {
    hash = createHash("sha256").update(JSON.stringify(item)).digest("base64url").slice(0, 22);
    hashes.set(item, hash);
  }
  return hash;
}

export function itemRow(repoId: string, item: GqlItem): Row {
  const author = toActor(item.author);
  const base = {
    id: item.id,
    repoId,
    number: item.number,
    databaseId: item.databaseId,
    title: cleanText(item.title),
    body: cleanText(item.body),
    url: item.url,
    locked: item.locked,
    authorLogin: author.login,
    authorType: author.type,
    authorAssociation: item.authorAssociation,
    milestone: cleanText(item.milestone?.title),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    contentHash: itemHash(item),
    closedAt: item.closedAt,
    commentCount: item.comments.totalCount,
    removedAt: null,
    removedReason: null,
    transferredTo: null,
  };
  if (item.__typename === "Issue") return { ...base, kind: "issue", state: item.state, stateReason: item.stateReason };
  return {
    ...base,
    kind: "pull_request",
    state: item.pullState,
    stateReason: null,
    isDraft: item.isDraft,
    merged: item.merged,
    mergedAt: item.mergedAt,
    mergedByLogin: toActor(item.mergedBy).login,
    baseRef: cleanText(item.baseRefName),
    headRef: cleanText(item.headRefName),
    headOid: item.headRefOid,
    additions: item.additions,
    deletions: item.deletions,
    changedFiles: item.changedFiles,
    reviewDecision: item.reviewDecision,
    checkState: item.statusCheckRollup?.state ?? null,
  };
}

export function commentRow(repoId: string, itemId: string, c: GqlComment): Row {
  const author = toActor(c.author);
  return {
    id: c.id,
    itemId,
    repoId,
    databaseId: c.databaseId,
    authorLogin: author.login,
    authorType: author.type,
    authorAssociation: c.authorAssociation,
    body: cleanText(c.body),
    url: c.url,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** Null for timeline entries steward does not keep (should GitHub add members to the union). */
export function eventRow(repoId: string, itemId: string, e: GqlEvent): Row | null {
  const kind = EVENT_KIND[e.__typename];
  if (!kind || !e.id) return null;
  const actor = toActor(e.actor);
  return {
    id: e.id,
    itemId,
    repoId,
    kind,
    label: cleanText(e.label?.name),
    actorLogin: actor.login,
    actorType: actor.type,
    stateReason: e.stateReason ?? null,
    createdAt: e.createdAt,
  };
}

export function reviewRow(repoId: string, itemId: string, r: GqlReview): Row {
  const author = toActor(r.author);
  return {
    id: r.id,
    itemId,
    repoId,
    databaseId: r.databaseId,
    authorLogin: author.login,
    authorType: author.type,
    authorAssociation: r.authorAssociation,
    state: r.state,
    body: cleanText(r.body),
    url: r.url,
    submittedAt: r.submittedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function labelRow(repoId: string, l: GqlLabel): Row {
  return { id: l.id, repoId, name: cleanText(l.name), color: l.color, description: cleanText(l.description) };
}

export function reviewRequestRow(
  itemId: string,
  reviewer: { __typename: string; login?: string; slug?: string } | null,
): Row | null {
  if (!reviewer) return null;
  if (reviewer.__typename === "Team")
    return reviewer.slug ? { itemId, reviewer: reviewer.slug, reviewerType: "team" } : null;
  const actor = toActor(reviewer);
  return actor.login ? { itemId, reviewer: actor.login, reviewerType: actor.type } : null;
}
