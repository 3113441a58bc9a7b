"use client";
import { Button } from "@/components/ui/button";

export default function MetricsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950/40">
      <h2 className="font-semibold">Metrics could not be computed.</h2>
      <p className="mt-1 text-sm">
        Synced data is untouched; only this page failed. A repository filter naming a repository steward does not sync
        also ends here. The error has been logged{error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <Button className="mt-4" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
