import Link from "next/link";
import { Card } from "@/components/ui/card";
import { DEPS_DEFINITIONS as DEF } from "@/lib/deps/definitions";
import type { DependencyCounts } from "@/lib/deps/view";

/** One card per repository with the three figures the runbook's "Review dependency updates" checks. */
export function SummaryTiles({ counts }: { counts: DependencyCounts[] }) {
  return (
    <section aria-labelledby="deps-summary" className="space-y-3">
      <h2 id="deps-summary" className="text-base font-semibold">
        Per repository
      </h2>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {counts.map((c) => (
          <Card
            key={c.repoId}
            title={c.key}
            actions={
              <Link className="text-sm underline" href={`/dependencies?repo=${encodeURIComponent(c.key)}`}>
                Only this
              </Link>
            }
          >
            <div className="grid grid-cols-3 gap-3" data-testid={`tiles-${c.key}`}>
              <TileNumber value={c.overdueSecurity} label="overdue security" testId="overdue-security" alert />
              <TileNumber value={c.overduePatchMinor} label="overdue patch/minor" testId="overdue-patch-minor" alert />
              <TileNumber value={c.openUpdatePulls} label="open update PRs" testId="open-update-pulls" />
            </div>
          </Card>
        ))}
      </div>
      <div className="grid gap-2 text-xs text-neutral-500 dark:text-neutral-400 md:grid-cols-3">
        <p>
          <strong>Overdue security:</strong> {DEF.overdueSecurity}
        </p>
        <p>
          <strong>Overdue patch/minor:</strong> {DEF.overduePatchMinor}
        </p>
        <p>
          <strong>Open update PRs:</strong> {DEF.openUpdatePulls}
        </p>
      </div>
    </section>
  );
}

function TileNumber({
  value,
  label,
  testId,
  alert = false,
}: {
  value: number;
  label: string;
  testId: string;
  alert?: boolean;
}) {
  const tone = alert && value > 0 ? "text-red-700 dark:text-red-400" : "";
  return (
    <div>
      <p className={`text-2xl font-semibold tabular-nums ${tone}`} data-testid={testId}>
        {value}
      </p>
      <p className="text-xs text-neutral-600 dark:text-neutral-400">{label}</p>
    </div>
  );
}
