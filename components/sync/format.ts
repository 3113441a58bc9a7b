// Wording for sync runs, shared by the repositories list and a repository's history.
const number = new Intl.NumberFormat("en-US");

export const formatCount = (n: number): string => number.format(n);

/** "45 s", "3 min", "2 h 5 min". */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

export function runDuration(run: { startedAt: string; finishedAt: string | null }, now = Date.now()): string {
  return formatSeconds(((run.finishedAt ? Date.parse(run.finishedAt) : now) - Date.parse(run.startedAt)) / 1000);
}

export const RESOURCE_LABELS: Record<string, string> = {
  starting: "starting",
  repository: "repository, CI, releases and alerts",
  issues: "issues",
  pulls: "pull requests",
  backstop: "re-checking open items",
};

export const STATUS_TONES: Record<string, "green" | "red" | "amber" | "sky" | "neutral"> = {
  succeeded: "green",
  failed: "red",
  interrupted: "amber",
  rate_limited: "amber",
  running: "sky",
};

export const STATUS_LABELS: Record<string, string> = {
  succeeded: "succeeded",
  failed: "failed",
  interrupted: "interrupted",
  rate_limited: "paused for the rate limit",
  running: "running",
};
