import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { GithubActorType, GithubItemKind } from "@/lib/generated/prisma/client";
import { uniqueName } from "@/lib/testing/factories";
import { getRepositoryOverview } from "./repository-overview";
import { listRepositorySummaries } from "./summaries";

const NOW = new Date("2026-03-10T12:00:00.000Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

async function createRepo(overrides: { enabled?: boolean; syncLeaseUntil?: Date } = {}) {
  const owner = uniqueName("Overview");
  return db.githubRepository.create({
    data: { owner, name: "Repo", key: `${owner}/repo`.toLowerCase(), defaultBranch: "main", ...overrides },
  });
}

type ItemSpec = {
  number: number;
  kind?: GithubItemKind;
  state?: string;
  hoursAgo: number;
  labels?: string[];
  isDraft?: boolean;
  removed?: boolean;
  author?: [string | null, GithubActorType];
};

async function createItems(repoId: string, specs: ItemSpec[]) {
  const labelIds = new Map<string, string>();
  for (const s of specs) {
    const [authorLogin, authorType] = s.author ?? ["octocat", "user"];
    const id = `I_${randomUUID()}`;
    await db.githubItem.create({
      data: {
        id,
        repoId,
        kind: s.kind ?? "issue",
        number: s.number,
        title: `Item ${s.number}`,
        body: "",
        url: `https://github.com/o/r/issues/${s.number}`,
        state: s.state ?? "OPEN",
        authorLogin,
        authorType,
        createdAt: hoursAgo(s.hoursAgo),
        updatedAt: hoursAgo(s.hoursAgo),
        isDraft: s.kind === "pull_request" ? (s.isDraft ?? false) : null,
        removedAt: s.removed ? hoursAgo(1) : null,
        removedReason: s.removed ? "transferred" : null,
      },
    });
    for (const name of s.labels ?? []) {
      if (!labelIds.has(name))
        labelIds.set(
          name,
          (await db.githubLabel.create({ data: { id: `L_${randomUUID()}`, repoId, name, color: "ff0000" } })).id,
        );
      await db.githubItemLabel.create({ data: { itemId: id, labelId: labelIds.get(name)! } });
    }
  }
}

async function createCommit(
  repoId: string,
  oid: string,
  at: Date,
  checkState: string | null,
  suites: Array<{ name: string; conclusion: string; runs: Array<[string, string]> }>,
) {
  await db.githubCommit.create({
    data: {
      repoId,
      oid,
      committedDate: at,
      messageHeadline: `commit ${oid}`,
      url: `https://github.com/o/r/commit/${oid}`,
      checkState,
    },
  });
  for (const s of suites) {
    const suiteId = `CS_${randomUUID()}`;
    await db.githubCheckSuite.create({
      data: {
        id: suiteId,
        repoId,
        commitOid: oid,
        workflowName: s.name,
        status: "COMPLETED",
        conclusion: s.conclusion,
        createdAt: at,
        updatedAt: at,
      },
    });
    for (const [name, conclusion] of s.runs) {
      await db.githubCheckRun.create({
        data: {
          id: `CR_${randomUUID()}`,
          repoId,
          commitOid: oid,
          suiteId,
          kind: "check_run",
          name,
          status: "COMPLETED",
          conclusion,
        },
      });
    }
  }
}

async function createReleases(
  repoId: string,
  specs: Array<{
    tag: string;
    draft?: boolean;
    pre?: boolean;
    latest?: boolean;
    publishedHoursAgo: number | null;
    createdHoursAgo: number;
  }>,
) {
  for (const r of specs) {
    await db.githubRelease.create({
      data: {
        id: `RE_${randomUUID()}`,
        repoId,
        tagName: r.tag,
        name: `Release ${r.tag}`,
        isDraft: r.draft ?? false,
        isPrerelease: r.pre ?? false,
        isLatest: r.latest ?? false,
        url: `https://github.com/o/r/releases/tag/${r.tag}`,
        createdAt: hoursAgo(r.createdHoursAgo),
        updatedAt: hoursAgo(r.createdHoursAgo),
        publishedAt: r.publishedHoursAgo === null ? null : hoursAgo(r.publishedHoursAgo),
      },
    });
  }
}

async function createAlerts(repoId: string, specs: Array<[state: string, severity: string | null]>) {
  for (const [i, [state, severity]] of specs.entries()) {
    await db.githubSecurityAlert.create({
      data: {
        id: `A_${randomUUID()}`,
        repoId,
        number: i + 1,
        state,
        severity,
        manifestPath: "package-lock.json",
        createdAt: hoursAgo(100),
      },
    });
  }
}

/** The hand-made repository most assertions read: see each block for what counts and why. */
async function createFixture() {
  const repo = await createRepo();
  await createItems(repo.id, [
    { number: 1, hoursAgo: 120, labels: ["bug"] }, // open, labeled
    { number: 2, hoursAgo: 24, author: ["dependabot", "bot"] }, // open, unlabeled, newest
    { number: 3, hoursAgo: 48, author: [null, "ghost"] }, // open, unlabeled
    { number: 4, hoursAgo: 10, state: "CLOSED" }, // closed: not open, not unlabeled
    { number: 5, hoursAgo: 5, removed: true }, // transferred (still says OPEN): never counted
    { number: 6, hoursAgo: 30, kind: "pull_request", labels: ["bug"] }, // open PR
    { number: 7, hoursAgo: 20, kind: "pull_request", isDraft: true }, // open draft PR
    { number: 8, hoursAgo: 20, kind: "pull_request", state: "MERGED" },
    { number: 9, hoursAgo: 20, kind: "pull_request", state: "CLOSED", isDraft: true },
    { number: 10, hoursAgo: 2, kind: "pull_request", removed: true }, // deleted PR
  ]);
  // The newest commit (inserted first) has one failing and one green suite; the older one is all green.
  await createCommit(repo.id, "b".repeat(40), hoursAgo(1), "PENDING", [
    {
      name: "CI",
      conclusion: "FAILURE",
      runs: [
        ["test", "FAILURE"],
        ["build", "SUCCESS"],
      ],
    },
    { name: "Docs", conclusion: "SUCCESS", runs: [["docs", "SUCCESS"]] },
  ]);
  await createCommit(repo.id, "f".repeat(40), hoursAgo(3), "SUCCESS", [
    { name: "CI", conclusion: "SUCCESS", runs: [["test", "SUCCESS"]] },
  ]);
  // GitHub's "latest" mark beats a newer pre-release; the newest (a draft) is never shown.
  await createReleases(repo.id, [
    { tag: "v1.0.0", latest: true, publishedHoursAgo: 240, createdHoursAgo: 241 },
    { tag: "v1.1.0-rc.1", pre: true, publishedHoursAgo: 24, createdHoursAgo: 25 },
    { tag: "v2.0.0", draft: true, publishedHoursAgo: null, createdHoursAgo: 1 },
  ]);
  await createAlerts(repo.id, [
    ["OPEN", "CRITICAL"],
    ["OPEN", "HIGH"],
    ["OPEN", "HIGH"],
    ["OPEN", "MODERATE"],
    ["OPEN", null],
    ["FIXED", "CRITICAL"],
    ["DISMISSED", "LOW"],
    ["AUTO_DISMISSED", "HIGH"],
  ]);
  await db.githubRepoStatsDaily.createMany({
    data: [
      { repoId: repo.id, day: new Date("2026-03-09"), stars: 10, forks: 1, watchers: 2 },
      { repoId: repo.id, day: new Date("2026-03-10"), stars: 12, forks: 3, watchers: 4 },
    ],
  });
  await db.githubSyncRun.create({
    data: {
      repoId: repo.id,
      trigger: "schedule",
      status: "succeeded",
      startedAt: hoursAgo(3),
      finishedAt: hoursAgo(2.9),
      items: 10,
    },
  });
  await db.githubSyncRun.create({
    data: {
      repoId: repo.id,
      trigger: "manual",
      status: "failed",
      startedAt: hoursAgo(1),
      finishedAt: hoursAgo(0.9),
      items: 2,
      error: "boom",
    },
  });
  return repo;
}

describe("getRepositoryOverview", () => {
  it("counts the hand-made fixture exactly", async () => {
    const repo = await createFixture();
    const o = await getRepositoryOverview(repo.owner.toUpperCase(), "REPO", NOW); // names are case-insensitive
    expect(o).not.toBeNull();
    expect(o!.repository).toEqual({
      id: repo.id,
      owner: repo.owner,
      name: "Repo",
      key: repo.key,
      defaultBranch: "main",
      isArchived: false,
      isPrivate: false,
      enabled: true,
    });
    expect(o!.synced).toBe(true);
    expect(o!.issues).toEqual({ open: 3 });
    expect(o!.pulls).toEqual({ open: 2, drafts: 1 });
    expect(o!.unlabeled.count).toBe(2);
    expect(o!.unlabeled.newest.map((i) => [i.number, i.authorLogin, i.authorType])).toEqual([
      [2, "dependabot", "bot"],
      [3, null, "ghost"],
    ]);
    expect(o!.unlabeled.newest[0]).toMatchObject({
      title: "Item 2",
      url: "https://github.com/o/r/issues/2",
      createdAt: hoursAgo(24),
    });
    expect(o!.ci).toMatchObject({
      state: "failure",
      source: "checks",
      checkCount: 3,
      pending: [],
      commit: { oid: "b".repeat(40) },
    });
    expect(o!.ci.failing.map((c) => `${c.workflow} / ${c.name}`)).toEqual(["CI / test"]);
    expect(o!.latestRelease).toMatchObject({
      tagName: "v1.0.0",
      name: "Release v1.0.0",
      isPrerelease: false,
      publishedAt: hoursAgo(240),
      url: "https://github.com/o/r/releases/tag/v1.0.0",
    });
    expect(o!.alerts).toEqual({ open: 5, bySeverity: { CRITICAL: 1, HIGH: 2, MODERATE: 1, LOW: 0, unknown: 1 } });
    expect(o!.stats).toEqual({ day: new Date("2026-03-10"), stars: 12, forks: 3, watchers: 4 });
    expect(o!.sync.running).toBe(false);
    expect(o!.sync.last).toMatchObject({
      status: "failed",
      trigger: "manual",
      startedAt: hoursAgo(1),
      finishedAt: hoursAgo(0.9),
      items: 2,
      error: "boom",
    });
  });

  it("returns null for an unknown repository", async () => {
    expect(await getRepositoryOverview(uniqueName("nobody"), "nothing", NOW)).toBeNull();
  });

  it("lists only the 10 newest unlabeled issues but counts them all", async () => {
    const repo = await createRepo();
    await createItems(
      repo.id,
      Array.from({ length: 12 }, (_, i) => ({ number: i + 1, hoursAgo: 100 - i })),
    );
    const o = (await getRepositoryOverview(repo.owner, repo.name, NOW))!;
    expect(o.unlabeled.count).toBe(12);
    expect(o.unlabeled.newest.map((i) => i.number)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
  });

  it("without a latest mark picks the newest published release, pre-releases included", async () => {
    const repo = await createRepo();
    await createReleases(repo.id, [
      { tag: "v0.1.0", publishedHoursAgo: 72, createdHoursAgo: 73 },
      { tag: "v0.2.0-beta", pre: true, publishedHoursAgo: 24, createdHoursAgo: 200 },
      { tag: "v0.3.0", draft: true, publishedHoursAgo: null, createdHoursAgo: 1 },
    ]);
    const o = (await getRepositoryOverview(repo.owner, repo.name, NOW))!;
    expect(o.latestRelease).toMatchObject({ tagName: "v0.2.0-beta", isPrerelease: true, isLatest: false });
  });

  it("is not synced before a run succeeded or an item was stored, and knows a sync is running", async () => {
    const fresh = await createRepo({ syncLeaseUntil: new Date(NOW.getTime() + 60_000) });
    let o = (await getRepositoryOverview(fresh.owner, fresh.name, NOW))!;
    expect(o).toMatchObject({
      synced: false,
      issues: { open: 0 },
      latestRelease: null,
      stats: null,
      sync: { last: null, running: true },
    });
    expect(o.ci).toEqual({ state: "none", source: "none", commit: null, checkCount: 0, failing: [], pending: [] });

    await db.githubSyncRun.create({
      data: { repoId: fresh.id, trigger: "schedule", status: "running", startedAt: hoursAgo(0.1) },
    });
    await db.githubRepository.update({ where: { id: fresh.id }, data: { syncLeaseUntil: hoursAgo(1) } });
    o = (await getRepositoryOverview(fresh.owner, fresh.name, NOW))!;
    // A run still marked running under a lapsed lease is a dead process's, not a live sync.
    expect(o).toMatchObject({ synced: false, sync: { running: false, last: { status: "running", finishedAt: null } } });

    await db.githubSyncRun.updateMany({ where: { repoId: fresh.id }, data: { status: "failed", finishedAt: NOW } });
    o = (await getRepositoryOverview(fresh.owner, fresh.name, NOW))!;
    expect(o).toMatchObject({ synced: false, sync: { running: false, last: { status: "failed" } } });

    await db.githubSyncRun.create({
      data: { repoId: fresh.id, trigger: "schedule", status: "succeeded", startedAt: NOW, finishedAt: NOW },
    });
    expect((await getRepositoryOverview(fresh.owner, fresh.name, NOW))!.synced).toBe(true);
  });

  it("falls back to the commit's stored rollup when it has no checks", async () => {
    const repo = await createRepo();
    await createCommit(repo.id, "c".repeat(40), hoursAgo(1), "FAILURE", []);
    await createCommit(repo.id, "d".repeat(40), hoursAgo(2), "SUCCESS", [
      { name: "CI", conclusion: "SUCCESS", runs: [["test", "SUCCESS"]] },
    ]);
    const o = (await getRepositoryOverview(repo.owner, repo.name, NOW))!;
    expect(o.ci).toMatchObject({ state: "failure", source: "rollup", checkCount: 0, commit: { oid: "c".repeat(40) } });
  });
});

describe("listRepositorySummaries", () => {
  it("lists enabled and paused repositories with their numbers", async () => {
    const repo = await createFixture();
    const green = await createRepo({ enabled: false });
    await createCommit(green.id, "e".repeat(40), hoursAgo(2), null, [
      {
        name: "CI",
        conclusion: "SUCCESS",
        runs: [
          ["test", "SUCCESS"],
          ["lint", "SKIPPED"],
        ],
      },
    ]);
    const rows = await listRepositorySummaries(NOW);
    expect(rows.find((r) => r.id === repo.id)).toMatchObject({
      owner: repo.owner,
      name: "Repo",
      enabled: true,
      openIssues: 3,
      openPulls: 2,
      openAlerts: 5,
      ci: "failure",
      sync: { running: false, last: { status: "failed", items: 2 } },
      synced: true, // items stored, though the last run failed
    });
    expect(rows.find((r) => r.id === green.id)).toEqual({
      id: green.id,
      owner: green.owner,
      name: "Repo",
      enabled: false,
      isArchived: false,
      openIssues: 0,
      openPulls: 0,
      openAlerts: 0,
      ci: "success",
      sync: { last: null, running: false },
      synced: false, // never synced: the list says "not synced yet", not zeros
    });
  });
});
