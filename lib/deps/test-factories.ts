// Rows for dependency tests: a repository, update PRs and security alerts at hand-chosen ages.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { uniqueName } from "@/lib/testing/factories";

export async function createDepsRepo() {
  const owner = uniqueName("deps");
  return db.githubRepository.create({
    data: { owner, name: "app", key: `${owner}/app`.toLowerCase(), defaultBranch: "main" },
  });
}

export type PullSpec = {
  number: number;
  title: string;
  at: Date;
  author?: [string, "user" | "bot"];
  state?: string;
  mergedAt?: Date;
  closedAt?: Date;
  labels?: string[];
  body?: string;
  checkState?: string;
  reviewDecision?: string;
  baseRef?: string;
};

export async function createPull(repoId: string, s: PullSpec) {
  const [authorLogin, authorType] = s.author ?? ["dependabot", "bot"];
  const id = `PR_${randomUUID()}`;
  await db.githubItem.create({
    data: {
      id,
      repoId,
      kind: "pull_request",
      number: s.number,
      title: s.title,
      body: s.body ?? "",
      url: `https://github.com/o/r/pull/${s.number}`,
      state: s.state ?? "OPEN",
      authorLogin,
      authorType,
      createdAt: s.at,
      updatedAt: s.mergedAt ?? s.at,
      isDraft: false,
      merged: s.state === "MERGED",
      mergedAt: s.mergedAt ?? null,
      closedAt: s.closedAt ?? s.mergedAt ?? null,
      checkState: s.checkState ?? null,
      reviewDecision: s.reviewDecision ?? null,
      baseRef: s.baseRef ?? "main",
    },
  });
  for (const name of s.labels ?? []) {
    const label =
      (await db.githubLabel.findFirst({ where: { repoId, name } })) ??
      (await db.githubLabel.create({ data: { id: `L_${randomUUID()}`, repoId, name, color: "ededed" } }));
    await db.githubItemLabel.create({ data: { itemId: id, labelId: label.id } });
  }
  return id;
}

export type AlertSpec = {
  number: number;
  pkg: string;
  severity: string;
  at: Date;
  state?: string;
  fixedAt?: Date;
  dismissedAt?: Date;
  patched?: string;
};

export async function createAlert(repoId: string, s: AlertSpec) {
  await db.githubSecurityAlert.create({
    data: {
      id: `SA_${randomUUID()}`,
      repoId,
      number: s.number,
      state: s.state ?? "OPEN",
      severity: s.severity,
      packageName: s.pkg,
      ecosystem: "NPM",
      manifestPath: "package-lock.json",
      vulnerableRange: "< 1.2.6",
      patchedVersion: s.patched ?? "1.2.6",
      ghsaId: `GHSA-${s.number}`,
      summary: `Prototype pollution in ${s.pkg}`,
      createdAt: s.at,
      fixedAt: s.fixedAt ?? null,
      dismissedAt: s.dismissedAt ?? null,
    },
  });
}
