// The written definition and pass condition of every check (shown next to each value). Client-safe.
import type { CheckId, CheckMeta } from "./ids";

const d = (id: CheckId, label: string, definition: string, passCondition: string, evidenceUrl: string): CheckMeta => ({ id, label, definition, passCondition, evidenceUrl });

export const CHECK_DEFINITIONS: Record<CheckId, CheckMeta> = {
  "github.new_items": d("github.new_items", "New issues / PRs (24 h)", "Issues and pull requests opened in the last 24 hours in enabled repositories; value = those with no label, comment or review yet.", "value = 0 (every new one acknowledged)", "/repositories"),
  "github.prs_waiting_review": d("github.prs_waiting_review", "PRs waiting for review > 3 d", "Open, non-draft pull requests with no review at all, ready for review (or opened) more than 72 hours ago.", "value = 0", "/repositories"),
  "github.ci_failing": d("github.ci_failing", "Default-branch CI", "Enabled repositories whose newest default-branch commit has a failing check (same rule as the repository page).", "value = 0 failing", "/repositories"),
  "github.security_alerts": d("github.security_alerts", "Critical/high security alerts", "Open Dependabot alerts of severity critical or high in enabled repositories.", "value = 0", "/repositories"),
  "github.sync_stale": d("github.sync_stale", "GitHub sync older than 1 h", "Enabled repositories whose last successful sync finished more than an hour ago (or never).", "value = 0", "/settings/repositories"),
  "health.targets_not_ok": d("health.targets_not_ok", "Health targets not OK", "Enabled health targets whose worst KPI level is warning or critical.", "value = 0", "/health"),
  "health.error_rate": d("health.error_rate", "Error rate above alert", "Targets whose error rate is at or beyond its alert level (default > 1 %).", "value = 0", "/health"),
  "health.response_time": d("health.response_time", "Response time above alert", "Targets whose response time is at or beyond its alert level (default > 200 ms).", "value = 0", "/health"),
  "health.memory": d("health.memory", "Memory above alert", "Targets whose memory use is at or beyond its alert level (default > 90 %).", "value = 0", "/health"),
  "health.breakers_open": d("health.breakers_open", "Circuit breakers open", "Targets reporting circuit breakers whose worst breaker is open or half-open.", "value = 0 (all closed)", "/health"),
  "triage.untriaged": d("triage.untriaged", "Untriaged > 48 h", "Open issues without a priority past the triage target (48 h by default) — the triage queue's own count.", "value = 0", "/triage"),
  "triage.p0_past_target": d("triage.p0_past_target", "P0 past response target", "Open P0 issues past their response target (24 h by default) — the triage queue's own count.", "value = 0", "/triage"),
  "deps.overdue_updates": d("deps.overdue_updates", "Overdue dependency updates", "Open security alerts and security update PRs past their target (24 h by default), plus patch and minor updates (open update PRs and outdated manifest entries) past theirs (1 and 2 weeks) — the Dependencies page's own counts.", "value = 0", "/dependencies"),
  "triage.stale": d("triage.stale", "Stale issues", "Open issues the triage queue counts as stale (no activity for 30 days by default).", "value = 0", "/triage"),
  "github.tag_appeared": d("github.tag_appeared", "Tag appeared", "Tags created in an enabled repository since the procedure run started.", "value ≥ 1", "/repositories"),
  "github.release_published": d("github.release_published", "Release published", "Non-draft GitHub releases published since the procedure run started.", "value ≥ 1", "/repositories"),
  "github.commit_ci_green": d("github.commit_ci_green", "CI green on a new commit", "Default branches whose newest commit, made since the run started, has passing CI.", "value ≥ 1", "/repositories"),
};
