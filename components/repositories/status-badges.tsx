import type { CiState } from "@/lib/github/overview/ci";
import type { AlertSeverity } from "@/lib/github/overview/counts";
import type { LastSyncRun, SyncState } from "@/lib/github/overview/sync-state";
import { Badge } from "@/components/ui/badge";

// Every state is a word; colour only repeats it.
const CI = {
  success: { tone: "green", label: "passing" },
  failure: { tone: "red", label: "failing" },
  pending: { tone: "amber", label: "pending" },
  none: { tone: "neutral", label: "no checks" },
} as const;

const SYNC = {
  running: { tone: "sky", label: "running" },
  succeeded: { tone: "green", label: "succeeded" },
  failed: { tone: "red", label: "failed" },
  interrupted: { tone: "amber", label: "interrupted" },
  rate_limited: { tone: "amber", label: "rate limited" },
} as const satisfies Record<LastSyncRun["status"], unknown>;

const SEVERITY = {
  CRITICAL: { tone: "red", label: "critical" },
  HIGH: { tone: "red", label: "high" },
  MODERATE: { tone: "amber", label: "moderate" },
  LOW: { tone: "neutral", label: "low" },
  unknown: { tone: "neutral", label: "unknown" },
} as const satisfies Record<AlertSeverity, unknown>;

export function CiBadge({ state }: { state: CiState }) {
  return <Badge tone={CI[state].tone}>{CI[state].label}</Badge>;
}

export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  return <Badge tone={SEVERITY[severity].tone}>{SEVERITY[severity].label}</Badge>;
}

/** The newest run's outcome, and "syncing now" when a lease is held even though the run list says otherwise. */
export function SyncBadge({ sync }: { sync: SyncState }) {
  if (!sync.last) return sync.running ? <Badge tone="sky">running</Badge> : <Badge>never synced</Badge>;
  const { tone, label } = SYNC[sync.last.status];
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={tone}>{label}</Badge>
      {sync.running && sync.last.status !== "running" && <Badge tone="sky">syncing now</Badge>}
    </span>
  );
}

export function RepositoryFlags({ enabled, isArchived }: { enabled: boolean; isArchived: boolean }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={enabled ? "green" : "neutral"}>{enabled ? "enabled" : "paused"}</Badge>
      {isArchived && <Badge tone="amber">archived</Badge>}
    </span>
  );
}
