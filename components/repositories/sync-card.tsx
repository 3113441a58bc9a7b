import Link from "next/link";
import { OVERVIEW_DEFINITIONS as DEF } from "@/lib/github/overview/definitions";
import type { SyncState } from "@/lib/github/overview/sync-state";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { Definition } from "./figure";
import { SyncBadge } from "./status-badges";
import { Time } from "@/components/ui/time";

const dt = "text-neutral-500 dark:text-neutral-400";

export function SyncCard({ repositoryId, sync }: { repositoryId: string; sync: SyncState }) {
  const last = sync.last;
  return (
    <Card
      title="Last sync"
      actions={
        <Link
          href={`/settings/repositories/${repositoryId}`}
          className="text-sm text-sky-800 hover:underline dark:text-sky-300"
        >
          Sync history
        </Link>
      }
    >
      <SyncBadge sync={sync} />
      {last === null ? (
        <p className="mt-3 text-sm text-neutral-600 dark:text-neutral-400">
          {sync.running ? "The first sync is starting." : "This repository has never been synced."}
        </p>
      ) : (
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className={dt}>Started</dt>
          <dd>
            <Time value={last.startedAt} mode="absolute" /> ({last.trigger})
          </dd>
          <dt className={dt}>Finished</dt>
          <dd>{last.finishedAt ? formatDateTime(last.finishedAt) : "not yet"}</dd>
          <dt className={dt}>Items fetched</dt>
          <dd className="tabular-nums">{last.items.toLocaleString("en-GB")}</dd>
          {last.error && (
            <>
              <dt className={dt}>Error</dt>
              <dd className="break-words text-red-800 dark:text-red-300">{last.error}</dd>
            </>
          )}
        </dl>
      )}
      <Definition>{DEF.lastSync}</Definition>
    </Card>
  );
}
