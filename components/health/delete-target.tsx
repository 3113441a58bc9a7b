"use client";
import { useState } from "react";
import { useDeleteTargetMutation } from "@/lib/health/hooks";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** Two steps, so a stray click deletes nothing. Alert events stay (with the target's name). */
export function DeleteTarget({ id, name }: { id: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteTargetMutation(id);
  return (
    <div className="mt-8">
      <Card title="Delete target">
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Deletes {name} with its samples, rollups and states. Its alert events are kept, with its name.
        </p>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          {confirming ? (
            <>
              <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
                {remove.isPending ? "Deleting…" : `Yes, delete ${name}`}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </>
          ) : (
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              Delete target…
            </Button>
          )}
          {remove.error && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {remove.error.message}
            </p>
          )}
        </div>
      </Card>
    </div>
  );
}
