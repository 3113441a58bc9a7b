// Test rows for the KPI fixtures: compact builders over Prisma (tests only).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { GithubActorType } from "@/lib/generated/prisma/client";
import { bumpRevisions } from "@/lib/health/store/rollups";
import { addToSketch, emptySketch } from "@/lib/health/store/sketch";
import { uniqueName } from "@/lib/testing/factories";
import { refreshItemFacts } from "./facts/refresh";

export const at = (iso: string) => new Date(iso);
type Actor = [string | null, GithubActorType];
const USER = (login: string): Actor => [login, "user"];
export const actors = {
  user: USER,
  bot: (login: string): Actor => [login, "bot"],
  ghost: (): Actor => [null, "ghost"],
};

export async function createRepo() {
  const owner = uniqueName("Metrics");
  return db.githubRepository.create({
    data: { owner, name: "repo", key: `${owner}/repo`.toLowerCase(), defaultBranch: "main" },
  });
}

type ItemSpec = {
  number: number;
  kind?: "issue" | "pull_request";
  created: string;
  author?: Actor;
  state?: string;
  closed?: string | null;
  merged?: string | null;
  isDraft?: boolean;
  removed?: boolean;
  labels?: string[];
  comments?: Array<[Actor, string]>;
  reviews?: Array<[Actor, string | null, string?]>;
  events?: Array<[string, string]>;
};

export async function createItem(repoId: string, s: ItemSpec): Promise<string> {
  const id = `I_${randomUUID()}`;
  const [authorLogin, authorType] = s.author ?? USER("reporter");
  const pr = s.kind === "pull_request";
  await db.githubItem.create({
    data: {
      id,
      repoId,
      kind: s.kind ?? "issue",
      number: s.number,
      title: `Item ${s.number}`,
      body: "",
      url: `https://github.com/o/r/issues/${s.number}`,
      state: s.state ?? (s.merged ? "MERGED" : s.closed ? "CLOSED" : "OPEN"),
      authorLogin,
      authorType,
      createdAt: at(s.created),
      updatedAt: at(s.created),
      closedAt: s.closed ? at(s.closed) : s.merged ? at(s.merged) : null,
      isDraft: pr ? (s.isDraft ?? false) : null,
      merged: pr ? Boolean(s.merged) : null,
      mergedAt: s.merged ? at(s.merged) : null,
      removedAt: s.removed ? at(s.created) : null,
      removedReason: s.removed ? "transferred" : null,
    },
  });
  for (const name of s.labels ?? []) {
    const label =
      (await db.githubLabel.findFirst({ where: { repoId, name } })) ??
      (await db.githubLabel.create({ data: { id: `L_${randomUUID()}`, repoId, name, color: "ededed" } }));
    await db.githubItemLabel.create({ data: { itemId: id, labelId: label.id } });
  }
  for (const [[login, type], when] of s.comments ?? []) {
    await db.githubComment.create({
      data: {
        id: `C_${randomUUID()}`,
        itemId: id,
        repoId,
        authorLogin: login,
        authorType: type,
        body: "",
        url: "u",
        createdAt: at(when),
        updatedAt: at(when),
      },
    });
  }
  for (const [[login, type], when, state] of s.reviews ?? []) {
    await db.githubReview.create({
      data: {
        id: `R_${randomUUID()}`,
        itemId: id,
        repoId,
        authorLogin: login,
        authorType: type,
        state: state ?? (when ? "COMMENTED" : "PENDING"),
        body: "",
        url: "u",
        submittedAt: when ? at(when) : null,
        createdAt: at(when ?? s.created),
        updatedAt: at(when ?? s.created),
      },
    });
  }
  for (const [kind, when] of s.events ?? []) {
    await db.githubItemEvent.create({
      data: {
        id: `E_${randomUUID()}`,
        itemId: id,
        repoId,
        kind,
        actorLogin: "someone",
        actorType: "user",
        createdAt: at(when),
      },
    });
  }
  await refreshItemFacts(db, [id]);
  return id;
}

export async function createSuite(
  repoId: string,
  commitOid: string,
  conclusion: string,
  runsCompleted: string[],
  updated: string,
) {
  const id = `CS_${randomUUID()}`;
  await db.githubCheckSuite.create({
    data: {
      id,
      repoId,
      commitOid,
      status: "COMPLETED",
      conclusion,
      workflowName: "CI",
      createdAt: at(updated),
      updatedAt: at(updated),
    },
  });
  for (const done of runsCompleted) {
    await db.githubCheckRun.create({
      data: {
        id: `CR_${randomUUID()}`,
        repoId,
        commitOid,
        suiteId: id,
        kind: "check_run",
        name: `job-${randomUUID().slice(0, 4)}`,
        status: "COMPLETED",
        conclusion,
        completedAt: at(done),
      },
    });
  }
}

export async function createCommit(repoId: string, oid: string, date: string) {
  await db.githubCommit.create({ data: { repoId, oid, committedDate: at(date), messageHeadline: oid, url: "u" } });
}

/**
 * What a sync writes when a responder ("newcomer") answers an item a minute after it was created,
 * and with `reopen` also reopens it a minute later: the rows and the facts refresh, in one transaction.
 */
export async function writeLateResponse(itemId: string, { reopen = false } = {}): Promise<Date> {
  const item = await db.githubItem.findUniqueOrThrow({ where: { id: itemId } });
  await db.$transaction(async (tx) => {
    await tx.githubComment.create({
      data: {
        id: `${item.id}_late`,
        itemId: item.id,
        repoId: item.repoId,
        authorLogin: "newcomer",
        authorType: "user",
        body: "",
        url: "u",
        createdAt: new Date(item.createdAt.getTime() + 60_000),
        updatedAt: item.createdAt,
      },
    });
    if (reopen)
      await tx.githubItemEvent.create({
        data: {
          id: `${item.id}_reopen`,
          itemId: item.id,
          repoId: item.repoId,
          kind: "reopened",
          actorType: "user",
          createdAt: new Date(item.createdAt.getTime() + 120_000),
        },
      });
    await refreshItemFacts(tx, [item.id]);
  });
  return item.createdAt;
}

type RollupRow = [hoursFromDay: number, metric: string, values: number[], ok?: number];

/**
 * A target's hour rollups (`values` of a metric, `hoursFromDay` hours after `day0`; `ok`: its okCount) and
 * each (metric, UTC day)'s merge of them, as the rollup job leaves them (revisions included). No raw samples.
 */
export async function createRollups(targetId: string, day0: Date, rows: RollupRow[]) {
  const startOf = ([h]: RollupRow) => new Date(day0.getTime() + h * 3_600_000);
  const dayOf = (row: RollupRow) => Math.floor(startOf(row).getTime() / 86_400_000);
  const rollup = (bucket: "hour" | "day", bucketStart: Date, metric: string, parts: RollupRow[]) => {
    const values = parts.flatMap((p) => p[2]);
    const oks = parts.map((p) => p[3]).filter((x): x is number => x !== undefined);
    const sketch = emptySketch();
    for (const v of values) addToSketch(sketch, v);
    return {
      targetId,
      metric,
      bucket,
      bucketStart,
      count: values.length,
      sum: values.reduce((a, b) => a + b, 0),
      min: Math.min(...values),
      max: Math.max(...values),
      p50: 0,
      p95: 0,
      p99: 0,
      sketch: { ...sketch },
      okCount: oks.length ? oks.reduce((a, b) => a + b, 0) : null,
    };
  };
  const hours = rows.map((row) => rollup("hour", startOf(row), row[1], [row]));
  const keys = [...new Set(rows.map((row) => `${row[1]}|${dayOf(row)}`))];
  const days = keys.map((key) => {
    const [metric, day] = key.split("|") as [string, string];
    const parts = rows.filter((row) => row[1] === metric && dayOf(row) === Number(day));
    return rollup("day", new Date(Number(day) * 86_400_000), metric, parts);
  });
  await db.healthRollup.createMany({ data: [...hours, ...days] });
  // …and, as the rollup job does, a new revision of each day written (readers cache days by it).
  await bumpRevisions(new Set(days.map((d) => d.bucketStart.getTime())));
}
