"use client";
import { useSyncNowMutation } from "@/lib/github/admin/hooks";
import { Button } from "@/components/ui/button";

/** Queues a sync; disabled while one runs or waits (the queue would refuse a second anyway). */
export function SyncNowButton({ id, label, busy }: { id: string; label: string; busy: boolean }) {
  const sync = useSyncNowMutation(id);
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        disabled={busy || sync.isPending}
        onClick={() => sync.mutate()}
        aria-label={`Sync ${label} now`}
      >
        Sync now
      </Button>
      {sync.error && (
        <span role="alert" className="max-w-xs text-right text-xs text-red-700 dark:text-red-400">
          {sync.error.message}
        </span>
      )}
    </span>
  );
}
