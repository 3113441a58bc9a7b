"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";

/** The loading and error states of a live client panel (the data state is the caller's). */
export function LiveStatus({
  query,
  what = "health data",
}: {
  query: Pick<UseQueryResult, "error" | "refetch" | "isFetching">;
  what?: string;
}) {
  if (query.error) {
    return (
      <div
        role="alert"
        className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm dark:border-red-900 dark:bg-red-950/40"
      >
        <p className="font-medium">
          The {what} could not be loaded: {query.error.message}
        </p>
        <Button className="mt-3" variant="secondary" disabled={query.isFetching} onClick={() => void query.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  return (
    <div role="status" aria-live="polite" className="h-40 animate-pulse rounded-lg bg-neutral-100 dark:bg-neutral-900">
      <span className="sr-only">Loading {what}…</span>
    </div>
  );
}
