import Link from "next/link";
import { Card } from "@/components/ui/card";
import { KpiTile } from "@/components/ui/kpi-tile";
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
              <TileNumber
                value={c.overdueSecurity}
                label="Overdue security"
                definition={DEF.overdueSecurity}
                testId="overdue-security"
                alert
              />
              <TileNumber
                value={c.overduePatchMinor}
                label="Overdue patch/minor"
                definition={DEF.overduePatchMinor}
                testId="overdue-patch-minor"
                alert
              />
              <TileNumber
                value={c.openUpdatePulls}
                label="Open update PRs"
                definition={DEF.openUpdatePulls}
                testId="open-update-pulls"
              />
            </div>
          </Card>
        ))}
      </div>
    </section>
  );
}

/** A count whose "good" is zero: critical (red) when any item is overdue, neutral otherwise. */
function TileNumber({
  value,
  label,
  definition,
  testId,
  alert = false,
}: {
  value: number;
  label: string;
  definition: string;
  testId: string;
  alert?: boolean;
}) {
  const status = alert ? (value > 0 ? "critical" : "ok") : "none";
  return (
    <KpiTile variant="compact" label={label} value={value} definition={definition} testId={testId} status={status} />
  );
}
