/** A number with what it counts and its written definition right beside it (not only in a tooltip). */
export function Figure({
  value,
  label,
  definition,
  testId,
}: {
  value: number;
  label: string;
  definition: string;
  testId?: string;
}) {
  return (
    <div>
      <p className="flex items-baseline gap-2">
        <span className="text-3xl font-semibold tabular-nums" data-testid={testId}>
          {value.toLocaleString("en-GB")}
        </span>
        <span className="text-sm text-neutral-700 dark:text-neutral-300">{label}</span>
      </p>
      <p className="mt-1 text-xs text-neutral-500 dark:text-neutral-400">{definition}</p>
    </div>
  );
}

/** The definition of a section's content when it is not a single number. */
export function Definition({ children }: { children: React.ReactNode }) {
  return <p className="mt-3 text-xs text-neutral-500 dark:text-neutral-400">{children}</p>;
}
