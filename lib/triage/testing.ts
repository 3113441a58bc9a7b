// Test factories for synced GitHub rows (tests only): each call makes its own repository.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { GithubActorType, GithubItemKind } from "@/lib/generated/prisma/client";
import { refreshItemFacts } from "@/lib/metrics/facts/refresh";
import { uniqueName } from "@/lib/testing/factories";

type Actor = [string | null, GithubActorType];
export type ItemSpec = {
  number: number;
  kind?: GithubItemKind;
  state?: string;
  createdAt: Date;
  closedAt?: Date;
  author?: Actor;
  labels?: string[];
  isDraft?: boolean;
  readyForReviewAt?: Date;
  assignees?: string[];
  reviewRequests?: string[];
  comments?: Array<{ at: Date; author: Actor; body?: string }>;
  reviews?: Array<{ at: Date; author: Actor; state?: string }>;
  events?: Array<{ at: Date; kind: string; label?: string; actor: Actor }>;
};

export async function createTriageRepo() {
  const owner = uniqueName("triage");
  return db.githubRepository.create({
    data: { owner, name: "repo", key: `${owner}/repo`.toLowerCase(), defaultBranch: "main" },
  });
}

export async function createTriageItems(repoId: string, specs: ItemSpec[]): Promise<Map<number, string>> {
  const labelIds = new Map<string, string>();
  const ids = new Map<number, string>();
  for (const s of specs) {
    const [authorLogin, authorType] = s.author ?? ["alice", "user"];
    const id = `I_${randomUUID()}`;
    ids.set(s.number, id);
    const kind = s.kind ?? "issue";
    await db.githubItem.create({
      data: {
        id,
        repoId,
        kind,
        number: s.number,
        title: `Item ${s.number}`,
        body: "",
        url: `https://github.example/o/r/issues/${s.number}`,
        state: s.state ?? "OPEN",
        authorLogin,
        authorType,
        createdAt: s.createdAt,
        updatedAt: s.createdAt,
        closedAt: s.closedAt ?? null,
        isDraft: kind === "pull_request" ? (s.isDraft ?? false) : null,
        readyForReviewAt: s.readyForReviewAt ?? null,
      },
    });
    for (const name of s.labels ?? []) {
      if (!labelIds.has(name))
        labelIds.set(
          name,
          (await db.githubLabel.create({ data: { id: `L_${randomUUID()}`, repoId, name, color: "ff0000" } })).id,
        );
      await db.githubItemLabel.create({ data: { itemId: id, labelId: labelIds.get(name) as string } });
    }
    for (const login of s.assignees ?? []) await db.githubItemAssignee.create({ data: { itemId: id, login } });
    for (const reviewer of s.reviewRequests ?? [])
      await db.githubReviewRequest.create({ data: { itemId: id, reviewer, reviewerType: "User" } });
    for (const c of s.comments ?? []) {
      await db.githubComment.create({
        data: {
          id: `IC_${randomUUID()}`,
          itemId: id,
          repoId,
          authorLogin: c.author[0],
          authorType: c.author[1],
          body: c.body ?? "Thanks!",
          url: "https://github.example/c",
          createdAt: c.at,
          updatedAt: c.at,
        },
      });
    }
    for (const r of s.reviews ?? []) {
      await db.githubReview.create({
        data: {
          id: `PRR_${randomUUID()}`,
          itemId: id,
          repoId,
          authorLogin: r.author[0],
          authorType: r.author[1],
          state: r.state ?? "COMMENTED",
          body: "",
          url: "https://github.example/r",
          submittedAt: r.at,
          createdAt: r.at,
          updatedAt: r.at,
        },
      });
    }
    for (const e of s.events ?? []) {
      await db.githubItemEvent.create({
        data: {
          id: `E_${randomUUID()}`,
          itemId: id,
          repoId,
          kind: e.kind,
          label: e.label ?? null,
          actorLogin: e.actor[0],
          actorType: e.actor[1],
          createdAt: e.at,
        },
      });
    }
  }
  // As the sync does after writing items: their metrics facts and stored triage outcomes follow.
  await db.$transaction((tx) => refreshItemFacts(tx, [...ids.values()]));
  return ids;
}
