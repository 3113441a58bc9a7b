export default function RepositoryLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <div className="h-7 w-64 rounded bg-neutral-200 dark:bg-neutral-800" />
      <div className="h-5 w-80 max-w-full rounded bg-neutral-100 dark:bg-neutral-900" />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-44 rounded-lg bg-neutral-100 dark:bg-neutral-900" />
        ))}
      </div>
      <div className="h-64 rounded-lg bg-neutral-100 dark:bg-neutral-900" />
      <span className="sr-only">Loading the repository…</span>
    </div>
  );
}
