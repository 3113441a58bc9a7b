import type { RepositoryRow } from "@/lib/github/admin/views";
import { Badge } from "@/components/ui/badge";

import { STATUS_LABELS, STATUS_TONES } from "./format";
import { SyncProgress } from "./sync-progress";
import { Time } from "@/components/ui/time";

/** A repository's sync state in one cell: live progress, queued, or the last result. */
export function SyncState({ repo }: { repo: RepositoryRow }) {
  const label = `${repo.owner}/${repo.name}`;
  if (repo.active) return <SyncProgress run={repo.active} label={label} />;
  if (repo.queued)
    return (
      <p role="status" className="text-sm">
        <Badge tone="sky">queued</Badge>{" "}
        <span className="text-neutral-600 dark:text-neutral-400">waiting for a worker</span>
      </p>
    );
  if (!repo.lastSyncStatus || !repo.lastSyncAt)
    return <p className="text-sm text-neutral-600 dark:text-neutral-400">Never synced</p>;
  return (
    <p className="text-sm">
      <Badge tone={STATUS_TONES[repo.lastSyncStatus] ?? "neutral"}>
        {STATUS_LABELS[repo.lastSyncStatus] ?? repo.lastSyncStatus}
      </Badge>{" "}
      <span className="text-neutral-600 dark:text-neutral-400">
        <Time value={repo.lastSyncAt} mode="absolute" />
      </span>
    </p>
  );
}
