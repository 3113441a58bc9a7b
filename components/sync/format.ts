import { formatDuration } from "@/lib/time/format";

// Wording for sync runs, shared by the repositories list and a repository's history.
const number = new Intl.NumberFormat("en-US");

export const formatCount = (n: number): string => number.format(n);

/** "0.4 s", "45.2 s" (one decimal below a minute), "3 min 5 s", "2 h 5 min" — the app's one duration format. */
export const formatSeconds = (seconds: number): string => formatDuration(seconds);

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
