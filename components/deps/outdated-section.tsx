import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Definition } from "@/components/repositories/figure";
import { DEPS_DEFINITIONS as DEF } from "@/lib/deps/definitions";
import type { OutdatedDependency, OutdatedSummary } from "@/lib/deps/outdated";
import { ClassBadge, SlaBadge } from "./badges";
import { formatDay, formatSeconds } from "./format";
import { ScrollTable, td } from "./table";

export function OutdatedSection({
  rows,
  summaries,
  repoKey,
}: {
  rows: OutdatedDependency[];
  summaries: OutdatedSummary[];
  repoKey: (id: string) => string;
}) {
  const checked = summaries.filter((s) => s.checkedAt);
  const totals = summaries.reduce(
    (t, s) => ({
      deps: t.deps + s.dependencies,
      up: t.up + s.upToDate,
      out: t.out + s.outdated,
      unknown: t.unknown + s.unknown,
    }),
    { deps: 0, up: 0, out: 0, unknown: 0 },
  );
  return (
    <Card title="Outdated dependencies">
      {checked.length === 0 ? (
        <EmptyState title="Not checked yet">
          The daily deps-refresh job reads package.json, requirements*.txt and pyproject.toml from each default branch
          and asks the npm registry and PyPI. It runs at 04:41 UTC and when a worker starts (it needs a GitHub token).
        </EmptyState>
      ) : (
        <>
          <p className="text-sm" data-testid="outdated-summary">
            {totals.deps} dependencies: <strong>{totals.out} outdated</strong>, {totals.up} up to date, {totals.unknown}{" "}
            unknown. Last checked{" "}
            {checked
              .map((s) => `${repoKey(s.repoId)} ${formatDay(s.checkedAt)}${s.error ? ` (problem: ${s.error})` : ""}`)
              .join("; ")}
            .
          </p>
          {rows.length > 0 && (
            <div className="mt-3">
              <ScrollTable
                caption="Outdated and unknown dependencies, breached first"
                head={["Dependency", "Spec", "Latest", "Class", "Newer version out for", "Target", "State"]}
                testId="outdated-table"
              >
                {rows.map((r) => (
                  <tr key={`${r.repoId}-${r.manifestPath}-${r.section}-${r.name}`}>
                    <td className={td}>
                      <span className="font-medium">{r.name}</span>
                      <span className="block text-xs text-neutral-500">
                        {repoKey(r.repoId)} · {r.manifestPath} · {r.section}
                      </span>
                    </td>
                    <td className={`${td} font-mono text-xs`}>{r.spec}</td>
                    <td className={td}>{r.latest ?? "—"}</td>
                    <td className={td}>
                      {r.status === "unknown" ? (
                        <span className="text-xs">unknown: {r.reason}</span>
                      ) : (
                        <ClassBadge cls={r.class} />
                      )}
                    </td>
                    <td className={td}>{r.availableSince ? formatSeconds(r.ageSeconds) : "—"}</td>
                    <td className={td}>{formatSeconds(r.targetSeconds)}</td>
                    <td className={td}>
                      <SlaBadge sla={r.sla} />
                    </td>
                  </tr>
                ))}
              </ScrollTable>
            </div>
          )}
        </>
      )}
      <Definition>{DEF.outdated}</Definition>
    </Card>
  );
}
