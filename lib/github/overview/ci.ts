// Default-branch CI: the newest synced commit's check suites and runs reduced to one state.
// Pure functions (classifyCheck, deriveCiState) plus one loader shared by the list and the overview.
import { db } from "@/lib/db";

export type CiState = "success" | "failure" | "pending" | "none";
export type CheckOutcome = "success" | "failure" | "pending";

/** Conclusions of check suites, check runs and legacy commit statuses (ERROR, FAILURE) that fail a commit. */
export const FAILING_CONCLUSIONS = [
  "FAILURE",
  "TIMED_OUT",
  "CANCELLED",
  "ACTION_REQUIRED",
  "STARTUP_FAILURE",
  "ERROR",
] as const;
export const PASSING_CONCLUSIONS = ["SUCCESS", "NEUTRAL", "SKIPPED"] as const;
const FAILING = new Set<string>(FAILING_CONCLUSIONS);
const PASSING = new Set<string>(PASSING_CONCLUSIONS);
/** GitHub's statusCheckRollup.state, used when no checks are stored. */
const ROLLUP: Record<string, CiState> = {
  SUCCESS: "success",
  FAILURE: "failure",
  ERROR: "failure",
  PENDING: "pending",
  EXPECTED: "pending",
};

export type CheckLike = { status: string; conclusion: string | null };
export type SuiteInput = CheckLike & { id: string; workflowName: string | null; app: string | null };
export type RunInput = CheckLike & { suiteId: string | null; name: string };
export type CiCheck = {
  name: string;
  workflow: string | null;
  outcome: Exclude<CheckOutcome, "success">;
  detail: string;
};
export type CiCommit = {
  oid: string;
  messageHeadline: string;
  committedDate: Date;
  url: string;
  checkState: string | null;
};
export type DefaultBranchCi = {
  state: CiState;
  /** "checks": derived from stored suites and runs; "rollup": from the commit's stored checkState; "none": neither. */
  source: "checks" | "rollup" | "none";
  commit: CiCommit | null;
  /** Stored check runs and legacy statuses on the commit. */
  checkCount: number;
  failing: CiCheck[];
  pending: CiCheck[];
};

/**
 * Legacy statuses are stored COMPLETED with conclusion PENDING or EXPECTED, and GitHub marks runs
 * that never finished STALE, so anything neither failing nor passing counts as pending.
 */
export function classifyCheck(check: CheckLike): CheckOutcome {
  if (check.conclusion !== null && FAILING.has(check.conclusion)) return "failure";
  if (check.status === "COMPLETED" && check.conclusion !== null && PASSING.has(check.conclusion)) return "success";
  return "pending";
}

const detailOf = (c: CheckLike) => (c.status === "COMPLETED" ? (c.conclusion ?? "COMPLETED") : c.status);

/**
 * Suites only count while they still have a stored run: the sync replaces a commit's runs with the
 * latest ones but keeps superseded suites, whose old conclusion would otherwise linger.
 */
export function deriveCiState(
  suites: SuiteInput[],
  runs: RunInput[],
  checkState: string | null,
): Omit<DefaultBranchCi, "commit"> {
  const live = suites.filter((s) => runs.some((r) => r.suiteId === s.id));
  if (live.length === 0 && runs.length === 0) {
    const state = checkState === null ? "none" : (ROLLUP[checkState] ?? "pending");
    return { state, source: state === "none" ? "none" : "rollup", checkCount: 0, failing: [], pending: [] };
  }
  const suiteName = new Map(live.map((s) => [s.id, s.workflowName ?? s.app]));
  const listed: CiCheck[] = [];
  for (const r of runs) {
    const outcome = classifyCheck(r);
    if (outcome !== "success")
      listed.push({
        name: r.name,
        workflow: r.suiteId ? (suiteName.get(r.suiteId) ?? null) : null,
        outcome,
        detail: detailOf(r),
      });
  }
  for (const s of live) {
    const outcome = classifyCheck(s);
    const covered = runs.some((r) => r.suiteId === s.id && classifyCheck(r) === outcome);
    if (outcome !== "success" && !covered)
      listed.push({ name: s.workflowName ?? s.app ?? "Check suite", workflow: null, outcome, detail: detailOf(s) });
  }
  const failing = listed.filter((c) => c.outcome === "failure");
  const pending = listed.filter((c) => c.outcome === "pending");
  const state: CiState = failing.length > 0 ? "failure" : pending.length > 0 ? "pending" : "success";
  return { state, source: "checks", checkCount: runs.length, failing, pending };
}

/** The newest commit (by committedDate) of each repository with its derived CI state. */
export async function getDefaultBranchCi(repoIds: string[]): Promise<Map<string, DefaultBranchCi>> {
  if (repoIds.length === 0) return new Map();
  const commits = await db.$queryRaw<Array<CiCommit & { repoId: string }>>`
    SELECT DISTINCT ON ("repoId") "repoId", oid, "messageHeadline", "committedDate", url, "checkState"
    FROM "GithubCommit" WHERE "repoId" = ANY(${repoIds}::uuid[])
    ORDER BY "repoId", "committedDate" DESC, oid DESC`;
  const where = { OR: commits.map((c) => ({ repoId: c.repoId, commitOid: c.oid })) };
  const [suites, runs] =
    commits.length === 0
      ? [[], []]
      : await Promise.all([
          db.githubCheckSuite.findMany({
            where,
            select: {
              id: true,
              repoId: true,
              commitOid: true,
              status: true,
              conclusion: true,
              workflowName: true,
              app: true,
            },
          }),
          db.githubCheckRun.findMany({
            where,
            orderBy: { name: "asc" },
            select: { repoId: true, commitOid: true, suiteId: true, name: true, status: true, conclusion: true },
          }),
        ]);
  const out = new Map<string, DefaultBranchCi>();
  for (const id of repoIds)
    out.set(id, { state: "none", source: "none", commit: null, checkCount: 0, failing: [], pending: [] });
  for (const { repoId, ...commit } of commits) {
    const mine = (row: { repoId: string; commitOid: string }) => row.repoId === repoId && row.commitOid === commit.oid;
    out.set(repoId, { ...deriveCiState(suites.filter(mine), runs.filter(mine), commit.checkState), commit });
  }
  return out;
}
