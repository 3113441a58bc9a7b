export default function TriageLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <div className="h-7 w-40 rounded bg-neutral-200 dark:bg-neutral-800" />
      <div className="h-6 w-96 max-w-full rounded bg-neutral-100 dark:bg-neutral-900" />
      <div className="h-48 rounded-lg bg-neutral-100 dark:bg-neutral-900" />
      <div className="h-48 rounded-lg bg-neutral-100 dark:bg-neutral-900" />
      <span className="sr-only">Loading the triage queue…</span>
    </div>
  );
}
