export default function EditTargetLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <div className="h-7 w-64 rounded bg-neutral-200 dark:bg-neutral-800" />
      <div className="h-72 rounded-lg bg-neutral-100 dark:bg-neutral-900" />
      <span className="sr-only">Loading the target…</span>
    </div>
  );
}
