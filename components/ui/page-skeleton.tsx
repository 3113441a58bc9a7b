/** The one loading skeleton of a page segment (loading.tsx): a title bar, a subtitle line, then blocks or a card grid. */
export function PageSkeleton({ label, blocks = 2, grid = false }: { label: string; blocks?: number; grid?: boolean }) {
  const block = "rounded-lg bg-neutral-100 dark:bg-neutral-900";
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <div className="h-7 w-44 rounded bg-neutral-200 dark:bg-neutral-800" />
      <div className="h-6 w-96 max-w-full rounded bg-neutral-100 dark:bg-neutral-900" />
      {grid ? (
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
          {Array.from({ length: blocks }, (_, i) => (
            <div key={i} className={`h-48 ${block}`} />
          ))}
        </div>
      ) : (
        Array.from({ length: blocks }, (_, i) => (
          <div key={i} className={`${blocks === 1 ? "h-64" : "h-48"} ${block}`} />
        ))
      )}
      <span className="sr-only">{label}</span>
    </div>
  );
}
