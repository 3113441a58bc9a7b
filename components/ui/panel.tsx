// One panel for every widget: title, then loading skeleton, error with retry, empty state, or the content.
// Server pages wrap each widget in <Suspense fallback={<PanelSkeleton title=… />}> so it streams on its own.
"use client";

export function Skeleton({ className = "h-4 w-full" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded bg-neutral-200 dark:bg-neutral-800 ${className}`} />;
}

const frame =
  "min-w-0 rounded-lg border border-neutral-200 bg-white p-4 shadow-sm sm:p-5 dark:border-neutral-800 dark:bg-neutral-900";

function Header({ title, actions }: { title?: string; actions?: React.ReactNode }) {
  if (!title && !actions) return null;
  return (
    <header className="mb-3 flex flex-wrap items-center justify-between gap-2">
      {title && <h2 className="text-base font-semibold">{title}</h2>}
      {actions}
    </header>
  );
}

/** The skeleton a panel shows while loading (also the Suspense fallback). */
export function PanelSkeleton({ title, lines = 4 }: { title?: string; lines?: number }) {
  return (
    <section aria-busy="true" aria-label={title ? `${title} (loading)` : "Loading"} className={frame}>
      <Header title={title} />
      <div className="space-y-3">
        {Array.from({ length: lines }, (_, i) => (
          <Skeleton key={i} className={`h-4 ${i % 3 === 2 ? "w-2/3" : "w-full"}`} />
        ))}
      </div>
      <span className="sr-only" role="status">
        Loading…
      </span>
    </section>
  );
}

export type PanelProps = {
  title?: string;
  actions?: React.ReactNode;
  isLoading?: boolean;
  /** An error to report (its message is shown; no stack). */
  error?: { message: string } | null;
  onRetry?: () => void;
  /** True when the data is there but there is nothing in it. */
  isEmpty?: boolean;
  /** What to do next when empty ("Add a health target"). */
  empty?: React.ReactNode;
  children?: React.ReactNode;
  skeletonLines?: number;
};

export function Panel({
  title,
  actions,
  isLoading,
  error,
  onRetry,
  isEmpty,
  empty,
  children,
  skeletonLines,
}: PanelProps) {
  if (isLoading) return <PanelSkeleton title={title} lines={skeletonLines} />;
  return (
    <section aria-label={title} className={frame}>
      <Header title={title} actions={actions} />
      {error ? (
        <div
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
        >
          <p>Could not load this: {error.message}</p>
          {onRetry && (
            <button
              type="button"
              onClick={onRetry}
              className="mt-2 rounded-md border border-red-300 px-3 py-1 font-medium hover:bg-red-100 dark:border-red-800 dark:hover:bg-red-900"
            >
              Try again
            </button>
          )}
        </div>
      ) : isEmpty ? (
        <div className="rounded-md border border-dashed border-neutral-300 p-6 text-center text-sm text-neutral-700 dark:border-neutral-700 dark:text-neutral-300">
          {empty ?? "Nothing here yet."}
        </div>
      ) : (
        children
      )}
    </section>
  );
}

type QueryLike = { isPending: boolean; error: { message: string } | null; refetch: () => unknown };

/** Panel states straight from a TanStack query result. */
export function QueryPanel({
  query,
  ...props
}: Omit<PanelProps, "isLoading" | "error" | "onRetry"> & { query: QueryLike }) {
  return <Panel {...props} isLoading={query.isPending} error={query.error} onRetry={() => void query.refetch()} />;
}
