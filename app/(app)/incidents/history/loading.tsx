export default function IncidentsLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <div className="h-7 w-40 rounded bg-neutral-200 dark:bg-neutral-800" />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-48 rounded-lg bg-neutral-100 dark:bg-neutral-900" />
        ))}
      </div>
      <span className="sr-only">Loading incidents…</span>
    </div>
  );
}
