"use client";
import { Button } from "@/components/ui/button";

export default function RepositoriesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950/40">
      <h2 className="font-semibold">Repository data could not be loaded.</h2>
      <p className="mt-1 text-sm">
        Syncing goes on in the background; only this page failed. The error has been logged
        {error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <Button className="mt-4" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
