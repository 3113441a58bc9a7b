"use client";
import { Button } from "@/components/ui/button";

export type SegmentErrorProps = { error: Error & { digest?: string }; reset: () => void };

/** The one error panel of every segment's error.tsx: what failed, what still runs, the log reference, retry. */
export function SegmentError({
  error,
  reset,
  title,
  context,
}: SegmentErrorProps & { title: string; context?: string }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6 dark:border-red-900 dark:bg-red-950/40">
      <h2 className="font-semibold">{title}</h2>
      <p className="mt-1 text-sm">
        {context ? `${context} ` : ""}The error has been logged{error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <Button className="mt-4" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
