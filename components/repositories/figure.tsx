import { KpiTile } from "@/components/ui/kpi-tile";

/** A count inside a card: the shared KPI tile without its frame, its written definition behind ⓘ. */
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
  return <KpiTile variant="compact" label={label} value={value} definition={definition} testId={testId} />;
}

/** The definition of a section's content when it is not a single number. */
export function Definition({ children }: { children: React.ReactNode }) {
  return <p className="mt-3 text-xs text-neutral-500 dark:text-neutral-400">{children}</p>;
}
