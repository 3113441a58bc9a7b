import { paginate, toPageArgs } from "../connection";
import { ancestorOf, isRecord, parentOf, repoOf } from "../links";
import type { CheckRunData, CheckSuiteData, CommitData, PullRequestData } from "../types";
import type { ResolverMap } from "./context";

const asCommit = (s: Record<string, unknown>) => s as unknown as CommitData;
const list = (value: unknown): string[] | null => (Array.isArray(value) ? value.map(String) : null);

/** Commits reachable from this one, newest first: default-branch history, or the PR's own commits. */
function reachable(commit: CommitData): CommitData[] {
  const pr = ancestorOf(commit, ["PullRequest"]) as PullRequestData | undefined;
  const line = pr ? pr.commits.map((c) => c.commit) : (repoOf(commit)?.history ?? [commit]);
  const at = line.findIndex((c) => c.oid === commit.oid);
  return line.slice(0, at + 1).reverse();
}

export const gitResolvers: ResolverMap = {
  Commit: {
    history: (s, args) => {
      const since = typeof args.since === "string" ? Date.parse(args.since) : null;
      const until = typeof args.until === "string" ? Date.parse(args.until) : null;
      const commits = reachable(asCommit(s)).filter((c) => {
        const t = Date.parse(c.committedDate);
        return (since === null || t >= since) && (until === null || t <= until);
      });
      return paginate(commits, toPageArgs(args));
    },
    checkSuites: (s, args) => {
      const filter = isRecord(args.filterBy) ? args.filterBy : {};
      const suites = asCommit(s).checkSuites.filter(
        (suite: CheckSuiteData) =>
          (typeof filter.appId !== "number" || suite.app?.databaseId === filter.appId) &&
          (typeof filter.checkName !== "string" || suite.checkRuns.some((r) => r.name === filter.checkName)),
      );
      return paginate(suites, toPageArgs(args));
    },
    associatedPullRequests: (s, args) => {
      const pr = ancestorOf(s, ["PullRequest"]);
      return paginate(pr ? [pr] : [], toPageArgs(args));
    },
  },
  StatusCheckRollup: {
    contexts: (s, args) => {
      const commit = parentOf(s) as CommitData | undefined;
      return paginate(commit?.checkSuites.flatMap((suite) => suite.checkRuns) ?? [], toPageArgs(args));
    },
  },
  CheckSuite: {
    checkRuns: (s, args) => {
      const filter = isRecord(args.filterBy) ? args.filterBy : {};
      const statuses = list(filter.statuses) ?? (typeof filter.status === "string" ? [filter.status] : null);
      const conclusions = list(filter.conclusions);
      const suite = s as unknown as CheckSuiteData;
      const runs = suite.checkRuns.filter(
        (run: CheckRunData) =>
          (typeof filter.checkName !== "string" || run.name === filter.checkName) &&
          (typeof filter.appId !== "number" || suite.app?.databaseId === filter.appId) &&
          (!statuses || statuses.includes(run.status)) &&
          (!conclusions || (run.conclusion !== null && conclusions.includes(run.conclusion))),
      );
      return paginate(runs, toPageArgs(args));
    },
  },
};
