import type { GenContext } from "./gen-context";
import { link } from "./links";
import { fakeSha, hash32, iso, nodeId, rngFor, type Rng } from "./random";
import type {
  AppData,
  CheckRunData,
  CheckSuiteData,
  CommitData,
  GitActorData,
  RefData,
  ReleaseData,
  RollupState,
  TagData,
  UserData,
  WorkflowRunData,
} from "./types";

const ACTIONS_APP: AppData = {
  __typename: "App",
  id: nodeId("A", 15368),
  databaseId: 15368,
  name: "GitHub Actions",
  slug: "github-actions",
};
const CODECOV_APP: AppData = {
  __typename: "App",
  id: nodeId("A", 254),
  databaseId: 254,
  name: "Codecov",
  slug: "codecov",
};

interface SuitePlan {
  app: AppData;
  workflow: string | null;
  runs: string[];
}

/** PR commits use slots number × 8 + k; default-branch commits start above every PR's. */
export const HISTORY_SLOTS = 1_000_000;

const CI: SuitePlan = { app: ACTIONS_APP, workflow: "CI", runs: ["build", "lint", "test (node 20)", "test (node 22)"] };
const CODEQL: SuitePlan = { app: ACTIONS_APP, workflow: "CodeQL", runs: ["Analyze (javascript-typescript)"] };
const CODECOV: SuitePlan = { app: CODECOV_APP, workflow: null, runs: ["codecov/patch", "codecov/project"] };

export interface CommitSpec {
  oid: string;
  /** Unique per commit within the repo (< 8.4M): check suite / run databaseIds derive from it. */
  slot: number;
  dateMs: number;
  message: string;
  author: UserData | null;
  /** Probability that a check run fails (default 0.15 per commit). */
  failureRate?: number;
}

/** A commit with GitHub Actions + third-party check suites; runs on commits < 1 h old may still be running. */
export function makeCommit(ctx: GenContext, spec: CommitSpec): CommitData {
  const rng = rngFor(ctx.seed, "commit", spec.oid);
  const date = iso(spec.dateMs);
  const who: GitActorData = {
    __typename: "GitActor",
    name: spec.author?.name ?? spec.author?.login ?? "ghost",
    email: `${spec.author?.login ?? "ghost"}@users.noreply.github.com`,
    date,
    user: spec.author,
  };
  const commit: CommitData = {
    __typename: "Commit",
    id: nodeId("C", ctx.repoDbId, spec.oid),
    oid: spec.oid,
    abbreviatedOid: spec.oid.slice(0, 7),
    message: spec.message,
    messageHeadline: spec.message.split("\n")[0] ?? "",
    committedDate: date,
    authoredDate: date,
    author: who,
    committer: who,
    additions: rng.int(1, 400),
    deletions: rng.int(0, 200),
    changedFiles: rng.int(1, 20),
    url: `${ctx.repoUrl}/commit/${spec.oid}`,
    checkSuites: [],
    statusCheckRollup: null,
  };
  const plans = [CI, ...(rng.chance(0.4) ? [CODEQL] : []), ...(rng.chance(0.3) ? [CODECOV] : [])];
  const pending = spec.dateMs > ctx.nowMs - 3_600_000;
  const failing = rng.chance(spec.failureRate ?? 0.15);
  const failingRun = failing ? rng.int(0, plans.reduce((n, p) => n + p.runs.length, 0) - 1) : -1;
  let runIndex = 0;
  commit.checkSuites = plans.map((plan, s) => {
    const suiteDbId = 1 + (spec.slot * 4 + s) * 5; // runs take the next ids: unique within the repo, fits Int
    const createdMs = spec.dateMs + rng.int(2, 30) * 1000;
    const runs = plan.runs.map((name, r): CheckRunData => {
      const startedMs = createdMs + rng.int(1, 60) * 1000;
      const completedMs = startedMs + rng.int(20, 900) * 1000;
      const isFailing = runIndex++ === failingRun;
      const running = pending && r === plan.runs.length - 1 && completedMs > ctx.nowMs;
      const runDbId = suiteDbId + r + 1;
      const conclusion = isFailing
        ? rng.pick(["FAILURE", "FAILURE", "TIMED_OUT", "CANCELLED"] as const)
        : name.includes("project") && rng.chance(0.1)
          ? "NEUTRAL"
          : "SUCCESS";
      const url = `${ctx.repoUrl}/runs/${runDbId}`;
      return {
        __typename: "CheckRun",
        id: nodeId("CR", ctx.repoDbId, runDbId),
        databaseId: runDbId,
        name,
        status: running ? (rng.chance(0.5) ? "QUEUED" : "IN_PROGRESS") : "COMPLETED",
        conclusion: running ? null : conclusion,
        startedAt: running && rng.chance(0.3) ? null : iso(startedMs),
        completedAt: running ? null : iso(completedMs),
        detailsUrl: url,
        url,
        permalink: url,
      };
    });
    const suite: CheckSuiteData = {
      __typename: "CheckSuite",
      id: nodeId("CS", ctx.repoDbId, suiteDbId),
      databaseId: suiteDbId,
      app: plan.app,
      workflowRun: plan.workflow ? workflowRun(ctx, rng, plan.workflow, suiteDbId, createdMs) : null,
      status: runs.every((r) => r.status === "COMPLETED")
        ? "COMPLETED"
        : runs.some((r) => r.status === "IN_PROGRESS")
          ? "IN_PROGRESS"
          : "QUEUED",
      conclusion: null,
      createdAt: iso(createdMs),
      updatedAt: iso(Math.max(createdMs, ...runs.map((r) => (r.completedAt ? Date.parse(r.completedAt) : createdMs)))),
      url: `${ctx.repoUrl}/commit/${spec.oid}/checks?check_suite_id=${suiteDbId}`,
      checkRuns: runs,
    };
    if (suite.status === "COMPLETED") suite.conclusion = runs.some((r) => isBad(r.conclusion)) ? "FAILURE" : "SUCCESS";
    runs.forEach((run) => link(run, suite));
    if (suite.workflowRun) link(suite.workflowRun, suite);
    return link(suite, commit);
  });
  commit.statusCheckRollup = link(
    { __typename: "StatusCheckRollup" as const, id: nodeId("SCR", ctx.repoDbId, spec.oid), state: rollupState(commit) },
    commit,
  );
  return commit;
}

function isBad(conclusion: CheckRunData["conclusion"]): boolean {
  return conclusion === "FAILURE" || conclusion === "TIMED_OUT" || conclusion === "CANCELLED";
}

export function rollupState(commit: CommitData): RollupState {
  const runs = commit.checkSuites.flatMap((s) => s.checkRuns);
  if (runs.some((r) => isBad(r.conclusion))) return "FAILURE";
  if (runs.some((r) => r.status !== "COMPLETED")) return "PENDING";
  return "SUCCESS";
}

function workflowRun(ctx: GenContext, rng: Rng, name: string, suiteDbId: number, createdMs: number): WorkflowRunData {
  const runDbId = suiteDbId;
  const workflowDbId = 100 + (hash32(`${ctx.repoKey}:${name}`) % 1_000_000);
  return {
    __typename: "WorkflowRun",
    id: nodeId("WFR", ctx.repoDbId, runDbId),
    databaseId: runDbId,
    runNumber: rng.int(1, 5000),
    event: rng.pick(["push", "pull_request", "pull_request"]),
    createdAt: iso(createdMs),
    updatedAt: iso(createdMs + rng.int(60, 1200) * 1000),
    url: `${ctx.repoUrl}/actions/runs/${runDbId}`,
    workflow: {
      __typename: "Workflow",
      id: nodeId("W", ctx.repoDbId, workflowDbId),
      databaseId: workflowDbId,
      name,
      state: "ACTIVE",
      url: `${ctx.repoUrl}/actions/workflows/${name.toLowerCase()}.yml`,
    },
  };
}

/** Default-branch history, oldest first, spread evenly over the whole period. */
export function makeHistory(ctx: GenContext, count: number): CommitData[] {
  const rng = rngFor(ctx.seed, ctx.repoKey, "history");
  const span = ctx.nowMs - ctx.startMs;
  return Array.from({ length: count }, (_, i) => {
    const author = rng.pick(ctx.maintainers);
    const dateMs = ctx.startMs + (span * (i + rng.next())) / Math.max(1, count);
    const kind = rng.pick(["chore", "fix", "feat", "docs", "ci"]);
    return makeCommit(ctx, {
      oid: fakeSha(ctx.seed, ctx.repoKey, "history", i),
      slot: (HISTORY_SLOTS + i) * 8,
      dateMs,
      message: `${kind}: update ${rng.pick(["sync", "dashboard", "deps", "docs", "CI"])} (#${rng.int(1, 9999)})\n\nSigned-off-by: ${author.login}`,
      author,
      failureRate: 0.08,
    });
  });
}

export function makeReleasesAndTags(
  ctx: GenContext,
  history: CommitData[],
  count: number,
): { releases: ReleaseData[]; tags: RefData[] } {
  const rng = rngFor(ctx.seed, ctx.repoKey, "releases");
  const releases: ReleaseData[] = [];
  const tags: RefData[] = [];
  const span = ctx.nowMs - ctx.startMs;
  let [major, minor, patch] = [0, 1, 0];
  for (let i = 0; i < count; i++) {
    if (rng.chance(0.15)) [major, minor, patch] = [major + 1, 0, 0];
    else if (rng.chance(0.4)) [minor, patch] = [minor + 1, 0];
    else patch += 1;
    const prerelease = rng.chance(0.15);
    const tagName = `v${major}.${minor}.${patch}${prerelease ? "-rc.1" : ""}`;
    const createdMs = ctx.startMs + (span * (i + 0.5 + rng.next() * 0.4)) / Math.max(1, count);
    const commit = history.filter((c) => Date.parse(c.committedDate) <= createdMs).at(-1) ?? history[0];
    if (!commit) throw new Error("releases need at least one history commit");
    const draft = i === count - 1 && rng.chance(0.5);
    const byBot = rng.chance(0.4);
    const publisher = byBot ? ctx.bots.actions : rng.pick(ctx.maintainers);
    const ref = draft ? null : makeTag(ctx, rng, tagName, commit, createdMs, rng.chance(0.5));
    if (ref) tags.push(ref);
    const dbId = 10_000_000 + (hash32(`${ctx.repoKey}:${tagName}`) % 100_000_000);
    releases.push({
      __typename: "Release",
      id: nodeId("RE", ctx.repoDbId, dbId),
      databaseId: dbId,
      name: rng.chance(0.9) ? tagName : null,
      tagName,
      description: `## What's changed\n\n* ${rng.pick(["Fix sync retries", "Add charts", "Bump deps", "Faster queries"])} 🎉`,
      isDraft: draft,
      isPrerelease: prerelease,
      isLatest: false,
      author: publisher.__typename === "User" ? publisher : null,
      publishedBy: publisher,
      createdAt: iso(createdMs),
      publishedAt: draft ? null : iso(createdMs + rng.int(60, 7200) * 1000),
      updatedAt: iso(createdMs + 7200 * 1000),
      url: `${ctx.repoUrl}/releases/tag/${tagName}`,
      tag: ref,
      tagCommit: commit,
    });
  }
  const latest = releases.filter((r) => !r.isDraft && !r.isPrerelease).at(-1);
  if (latest) latest.isLatest = true;
  for (let i = 0; i < 3 && history.length > 0; i++) {
    const commit = history[Math.floor((history.length * i) / 4)] as CommitData;
    tags.push(
      makeTag(
        ctx,
        rng,
        `nightly-${commit.committedDate.slice(0, 10)}`,
        commit,
        Date.parse(commit.committedDate),
        false,
      ),
    );
  }
  tags.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { releases, tags };
}

function makeTag(
  ctx: GenContext,
  rng: Rng,
  name: string,
  commit: CommitData,
  atMs: number,
  annotated: boolean,
): RefData {
  const tagger = rng.pick(ctx.maintainers);
  const target: CommitData | TagData = annotated
    ? {
        __typename: "Tag",
        id: nodeId("TAG", ctx.repoDbId, name),
        oid: fakeSha(ctx.seed, ctx.repoKey, "tag", name),
        abbreviatedOid: fakeSha(ctx.seed, ctx.repoKey, "tag", name).slice(0, 7),
        name,
        message: `Release ${name}`,
        tagger: {
          __typename: "GitActor",
          name: tagger.login,
          email: `${tagger.login}@users.noreply.github.com`,
          date: iso(atMs),
          user: tagger,
        },
        target: commit,
      }
    : commit;
  const ref: RefData = {
    __typename: "Ref",
    id: nodeId("REF", ctx.repoDbId, `refs/tags/${name}`),
    name,
    prefix: "refs/tags/",
    target,
  };
  if (target.__typename === "Tag") link(target, ref);
  return ref;
}

export function makeBranch(ctx: GenContext, name: string, head: CommitData): RefData {
  return {
    __typename: "Ref",
    id: nodeId("REF", ctx.repoDbId, `refs/heads/${name}`),
    name,
    prefix: "refs/heads/",
    target: head,
  };
}
