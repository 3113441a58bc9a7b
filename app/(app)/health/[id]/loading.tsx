export default function TargetLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <div className="h-7 w-64 rounded bg-neutral-200 dark:bg-neutral-800" />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="h-56 rounded-lg bg-neutral-100 dark:bg-neutral-900" />
        <div className="h-56 rounded-lg bg-neutral-100 dark:bg-neutral-900" />
        <div className="h-56 rounded-lg bg-neutral-100 dark:bg-neutral-900" />
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <div className="h-72 rounded-lg bg-neutral-100 dark:bg-neutral-900" />
        <div className="h-72 rounded-lg bg-neutral-100 dark:bg-neutral-900" />
      </div>
      <span className="sr-only">Loading the target…</span>
    </div>
  );
}
