"use client";
import Link from "next/link";
import { useSyncHistoryQuery } from "@/lib/github/admin/hooks";
import { Card } from "@/components/ui/card";
import { LiveStatus } from "@/components/health/live-status";
import { RunHistory } from "./run-history";
import { SyncNowButton } from "./sync-now-button";
import { SyncState } from "./sync-state";

/** A repository's sync page: live state, "Sync now" and the run history (polled while busy). */
export function SyncHistory({ id, canSync }: { id: string; canSync: boolean }) {
  const query = useSyncHistoryQuery(id);
  if (!query.data) return <LiveStatus query={query} what="sync history" />;
  const { repository: repo, runs } = query.data;
  const label = `${repo.owner}/${repo.name}`;
  return (
    <div className="space-y-6">
      <Card
        title="Now"
        actions={
          canSync && repo.enabled ? (
            <SyncNowButton id={repo.id} label={label} busy={repo.active !== null || repo.queued} />
          ) : undefined
        }
      >
        <SyncState repo={repo} />
        {!repo.enabled && (
          <p className="mt-2 text-sm text-amber-800 dark:text-amber-300">
            Paused: scheduled syncs skip this repository until an admin resumes it.
          </p>
        )}
        <p className="mt-3 text-sm">
          <Link className="text-sky-700 underline dark:text-sky-400" href={`/repositories/${repo.owner}/${repo.name}`}>
            Repository overview
          </Link>
        </p>
      </Card>
      <Card title="Sync history">
        <RunHistory runs={runs} />
      </Card>
    </div>
  );
}
