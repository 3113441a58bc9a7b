// Written definitions shown next to every dependency figure (no database import: components read them).
export const DEPS_DEFINITIONS = {
  overdueSecurity:
    "Open Dependabot alerts and open security update PRs past their target (default 24 h — “immediately” — for every severity; STEWARD_DEPS_UPDATE_TARGETS changes it per severity), counted from when GitHub opened the alert or PR.",
  overduePatchMinor:
    "Open patch and minor update PRs, and outdated dependencies with a patch or minor update, past their target: patch 1 week, minor 2 weeks. A PR counts from when it was opened; an outdated dependency from when the first release outside its spec was published.",
  openUpdatePulls:
    "Open pull requests by Dependabot, Renovate or another bot account whose title reads as a dependency update (e.g. “Bump X from A to B”, “Update dependency X to vB”, grouped updates).",
  sla: "within: less than 75 % of the target used; due soon: the last quarter of the target; breached: at or past the target; unknown: the update could not be classified. Major updates have no target and are listed, never overdue.",
  classes:
    "patch / minor / major compare the versions with semver (a 0.x minor step counts as major); security: a Dependabot alert, a PR labelled security or titled [Security], or a PR updating a package with an alert.",
  meanTimeToFix:
    "Mean of (fixed − opened) over alerts GitHub marked fixed; dismissed alerts are listed but not averaged.",
  timeToMerge:
    "Median (and mean) of (merged − opened) over update PRs merged in the last 90 days; update PRs closed without merging are counted separately.",
  outdated:
    "From package.json, requirements*.txt and pyproject.toml at the root of the default branch, refreshed daily (deps-refresh job). Outdated: the registry's latest release is outside the spec. Unknown: the registry failed or the spec names no version — never shown as up to date.",
} as const;
