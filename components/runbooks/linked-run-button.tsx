"use client";
import { useRouter } from "next/navigation";
import { useStartLinkedRunMutation } from "@/lib/runbooks/hooks";
import { Button } from "@/components/ui/button";

type Target = { from: "incident"; incidentId: string } | { from: "release"; repo: string; version: string };

/**
 * Opens the procedure checklist run of an incident or a release version on Today, starting it the first time
 * (the server returns the same run on every later press). Viewers see where to find it instead.
 */
export function LinkedRunButton({ target, canAct, label }: { target: Target; canAct: boolean; label: string }) {
  const router = useRouter();
  const start = useStartLinkedRunMutation();
  if (!canAct) return <p className="text-xs text-neutral-500">Its checklist run, once started, is on Today.</p>;
  return (
    <div className="space-y-1">
      <Button
        variant="secondary"
        className="text-sm"
        disabled={start.isPending}
        onClick={() => start.mutate(target, { onSuccess: (run) => router.push(`/today#run-${run.id}`) })}
      >
        {label}
      </Button>
      {start.error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {start.error.message}
        </p>
      )}
    </div>
  );
}
