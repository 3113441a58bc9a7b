// A seeded, varied repository for comparing the facts path with the direct queries (tests only):
// items over 16 months with every case the definitions care about, inserted with createMany.
import { db } from "@/lib/db";
import type { GithubActorType } from "@/lib/generated/prisma/client";

/** mulberry32: the same rows for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const START = Date.parse("2025-03-01T00:00:00Z");
const SPAN = 480 * 86_400_000;
const HOUR = 3_600_000;

export async function generateItems(repoId: string, count: number, seed: number): Promise<string[]> {
  const r = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const labels = ["bug", "P0", "sev1", "question"].map((name) => ({
    id: `L_${repoId}_${name}`,
    repoId,
    name,
    color: "ededed",
  }));
  await db.githubLabel.createMany({ data: labels });
  const items = [];
  const comments = [];
  const reviews = [];
  const events = [];
  const itemLabels = [];
  for (let n = 1; n <= count; n++) {
    const id = `G_${repoId}_${n}`;
    const pr = r() < 0.45;
    const created = START + Math.floor(r() * SPAN);
    const author = `user${Math.floor(r() * 12)}`;
    const authorType: GithubActorType = r() < 0.05 ? "bot" : r() < 0.03 ? "ghost" : "user";
    const isDraft = pr && r() < 0.25;
    const fate = r();
    const closedAt = fate < 0.3 ? null : created + Math.floor(r() * 60 * 24 * HOUR);
    const merged = pr && closedAt !== null && r() < 0.7;
    const removed = r() < 0.03;
    items.push({
      id,
      repoId,
      kind: pr ? ("pull_request" as const) : ("issue" as const),
      number: n,
      title: `Generated ${n}`,
      body: "",
      url: `https://example.invalid/${n}`,
      state: removed ? "TRANSFERRED" : merged ? "MERGED" : closedAt ? "CLOSED" : "OPEN",
      authorLogin: authorType === "ghost" ? null : author,
      authorType,
      createdAt: new Date(created),
      updatedAt: new Date(created),
      closedAt: closedAt ? new Date(closedAt) : null,
      isDraft: pr ? isDraft && !closedAt : null,
      merged: pr ? merged : null,
      mergedAt: merged && closedAt ? new Date(closedAt) : null,
      removedAt: removed ? new Date(created) : null,
      removedReason: removed ? ("transferred" as const) : null,
    });
    const people: Array<[string | null, GithubActorType]> = [
      [author, "user"],
      [author.toUpperCase(), "user"],
      ["dependabot", "bot"],
      [null, "ghost"],
      ["maint3", "user"],
      ["maint1", "user"],
      ["MAINT5", "user"],
      [`helper${n % 7}`, "user"],
    ];
    const nComments = Math.floor(r() * 4);
    for (let k = 0; k < nComments; k++) {
      const [login, type] = pick(people);
      const at = new Date(created + Math.floor(r() * 20 * 24 * HOUR) - (r() < 0.05 ? HOUR : 0));
      comments.push({
        id: `${id}_c${k}`,
        itemId: id,
        repoId,
        authorLogin: login,
        authorType: type,
        body: "",
        url: "u",
        createdAt: at,
        updatedAt: at,
      });
    }
    if (pr) {
      const nReviews = Math.floor(r() * 3);
      for (let k = 0; k < nReviews; k++) {
        const [login, type] = pick(people);
        const pending = r() < 0.15;
        const at = new Date(created + Math.floor(r() * 10 * 24 * HOUR));
        reviews.push({
          id: `${id}_r${k}`,
          itemId: id,
          repoId,
          authorLogin: login,
          authorType: type,
          state: pending ? "PENDING" : pick(["APPROVED", "COMMENTED", "CHANGES_REQUESTED"]),
          body: "",
          url: "u",
          submittedAt: pending ? null : at,
          createdAt: at,
          updatedAt: at,
        });
      }
      const draftEvents = isDraft
        ? ["ready_for_review", "convert_to_draft", "ready_for_review"]
        : r() < 0.1
          ? ["convert_to_draft", "ready_for_review"]
          : [];
      draftEvents.slice(0, 1 + Math.floor(r() * draftEvents.length)).forEach((kind, k) => {
        events.push({
          id: `${id}_d${k}`,
          itemId: id,
          repoId,
          kind,
          actorType: "user" as const,
          createdAt: new Date(created + (k + 1) * Math.floor(r() * 48 * HOUR + HOUR)),
        });
      });
    }
    if (closedAt && r() < 0.8) {
      const reopens = r() < 0.2 ? 1 : 0;
      let at = created;
      for (let k = 0; k <= reopens; k++) {
        at += Math.floor(r() * 5 * 24 * HOUR) + HOUR;
        events.push({
          id: `${id}_x${k}`,
          itemId: id,
          repoId,
          kind: "closed",
          actorType: "user" as const,
          createdAt: new Date(k === reopens ? closedAt : at),
        });
        if (k < reopens)
          events.push({
            id: `${id}_o${k}`,
            itemId: id,
            repoId,
            kind: "reopened",
            actorType: "user" as const,
            createdAt: new Date(at + HOUR),
          });
      }
    }
    if (!pr && r() < 0.1 && closedAt === null)
      events.push({
        id: `${id}_stray`,
        itemId: id,
        repoId,
        kind: "reopened",
        actorType: "user" as const,
        createdAt: new Date(created + HOUR),
      });
    for (const label of labels)
      if (r() < (label.name === "bug" ? 0.3 : 0.08)) itemLabels.push({ itemId: id, labelId: label.id });
  }
  await db.githubItem.createMany({ data: items });
  await db.githubComment.createMany({ data: comments });
  await db.githubReview.createMany({ data: reviews });
  await db.githubItemEvent.createMany({ data: events });
  await db.githubItemLabel.createMany({ data: itemLabels });
  return items.map((i) => i.id);
}
