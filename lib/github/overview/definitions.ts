// The written definition of every number on the repository pages, shown next to the numbers.
// No database import: components read these directly.
export const OVERVIEW_DEFINITIONS = {
  openIssues:
    "Issues that are open on GitHub as of the last sync. Issues transferred to another repository or deleted are not counted.",
  openPulls:
    "Pull requests that are open on GitHub (neither closed nor merged) as of the last sync, drafts included. Transferred or deleted ones are not counted.",
  draftPulls: "Open pull requests marked as draft. They are included in the open pull requests.",
  unlabeledIssues: "Open issues without any label. The 10 newest (by creation date) are listed.",
  ci: "The newest default-branch commit steward has synced (by commit date). Failing: a check suite, check run or commit status concluded failure, timed out, cancelled, action required, startup failure or error. Otherwise pending: a check has not finished (queued, in progress, waiting, expected, or marked stale by GitHub). Passing: every check completed as success, neutral or skipped. Without stored checks, GitHub's rollup state for the commit is shown; “no checks” when there is neither.",
  latestRelease:
    "The release GitHub marks as latest; if none is marked, the newest release by publication date (creation date when unpublished). Draft releases are never shown; pre-releases are flagged.",
  securityAlerts:
    "Open Dependabot alerts (not fixed, dismissed or auto-dismissed), by the advisory's severity; “unknown” when GitHub gave none. Stays at 0 when the token may not read Dependabot alerts.",
  stats: "Stars, forks and watchers from the newest daily snapshot (one per UTC day, taken by the sync).",
  lastSync:
    "The newest sync run of this repository: its outcome, when it started and finished, and how many issues and pull requests it fetched. “Running” while a sync holds the repository's lease (a run left unfinished by a stopped process is marked interrupted by the next sync).",
} as const;

export type OverviewDefinitionKey = keyof typeof OVERVIEW_DEFINITIONS;
