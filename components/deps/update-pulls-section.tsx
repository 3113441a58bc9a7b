import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Definition } from "@/components/repositories/figure";
import { DEPS_DEFINITIONS as DEF } from "@/lib/deps/definitions";
import type { MergeStats, UpdatePull } from "@/lib/deps/update-pulls";
import { CiBadge, ClassBadge, ReviewText, SlaBadge } from "./badges";
import { formatSeconds } from "./format";
import { ScrollTable, td } from "./table";

function packagesText(p: UpdatePull): string {
  if (p.packages.length === 0) return p.group ? `group: ${p.group}` : "—";
  return (
    p.packages
      .slice(0, 3)
      .map((x) => `${x.name} ${x.from ?? "?"} → ${x.to}`)
      .join(", ") + (p.packages.length > 3 ? ` and ${p.packages.length - 3} more` : "")
  );
}

export function UpdatePullsSection({
  pulls,
  stats,
  repoKey,
}: {
  pulls: UpdatePull[];
  stats: MergeStats;
  repoKey: (id: string) => string;
}) {
  return (
    <Card title={`Update pull requests (${pulls.length} open)`}>
      {pulls.length === 0 ? (
        <EmptyState title="No open update pull requests">
          Dependabot or Renovate have nothing waiting. Enable Dependabot version updates (.github/dependabot.yml) to get
          them.
        </EmptyState>
      ) : (
        <ScrollTable
          caption="Open dependency-update pull requests, breached first"
          head={["Pull request", "Class", "Packages", "CI", "Review", "Age", "Target", "State"]}
          testId="update-pulls-table"
        >
          {pulls.map((p) => (
            <tr key={`${p.repoId}-${p.number}`} data-testid="update-pull-row">
              <td className={td}>
                <a className="font-medium underline" href={p.url} rel="noreferrer">
                  {p.title}
                </a>
                <span className="block text-xs text-neutral-500">
                  {repoKey(p.repoId)} #{p.number} · {p.authorLogin ?? "ghost"}
                  {p.isDraft ? " · draft" : ""}
                </span>
              </td>
              <td className={td}>
                <ClassBadge cls={p.class} />
              </td>
              <td className={`${td} text-xs`}>{packagesText(p)}</td>
              <td className={td}>
                <CiBadge state={p.ciState} />
              </td>
              <td className={`${td} text-xs`}>
                <ReviewText state={p.reviewState} />
              </td>
              <td className={td}>{formatSeconds(p.ageSeconds)}</td>
              <td className={td}>{formatSeconds(p.targetSeconds)}</td>
              <td className={td}>
                <SlaBadge sla={p.sla} />
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <Definition>{DEF.classes}</Definition>
      <p className="mt-4 text-sm" data-testid="time-to-merge">
        Time to merge dependency updates:{" "}
        <strong>
          {stats.medianSecondsToMerge === null
            ? "none merged"
            : `median ${formatSeconds(stats.medianSecondsToMerge)}, mean ${formatSeconds(stats.meanSecondsToMerge)}`}
        </strong>{" "}
        over {stats.merged} merged in the last {stats.windowDays} days; {stats.closedUnmerged} closed without merging.
      </p>
      <Definition>{DEF.timeToMerge}</Definition>
    </Card>
  );
}
