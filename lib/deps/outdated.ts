// Cached outdated-dependency results (DependencyCheck rows) judged against the update targets.
import "server-only";
import { db } from "@/lib/db";
import { slaFor, SLA_ORDER, targetSeconds, type SlaState, type UpdateTargets } from "./targets";

export type OutdatedDependency = {
  repoId: string;
  manifestPath: string;
  ecosystem: string;
  name: string;
  section: string;
  spec: string;
  current: string | null;
  latest: string | null;
  latestPublishedAt: Date | null;
  availableSince: Date | null;
  status: "outdated" | "unknown";
  class: string;
  reason: string | null;
  checkedAt: Date;
  ageSeconds: number;
  targetSeconds: number | null;
  dueAt: Date | null;
  sla: SlaState;
};
export type OutdatedSummary = {
  repoId: string;
  checkedAt: Date | null;
  dependencies: number;
  upToDate: number;
  outdated: number;
  unknown: number;
  error: string | null;
};

/** Outdated and unknown dependencies (up-to-date ones are only counted), breached first. */
export async function listOutdated(
  ctx: { now: Date; targets: UpdateTargets },
  repoIds: string[],
): Promise<OutdatedDependency[]> {
  const rows = await db.dependencyCheck.findMany({
    where: { repoId: { in: repoIds }, status: { in: ["outdated", "unknown"] } },
    orderBy: [{ manifestPath: "asc" }, { name: "asc" }],
  });
  return rows
    .map((r) => {
      const known = r.status === "outdated" && r.updateClass !== "unknown";
      const cls = r.updateClass as "patch" | "minor" | "major" | "unknown";
      return {
        repoId: r.repoId,
        manifestPath: r.manifestPath,
        ecosystem: r.ecosystem,
        name: r.name,
        section: r.section,
        spec: r.spec,
        current: r.current,
        latest: r.latest,
        latestPublishedAt: r.latestPublishedAt,
        availableSince: r.availableSince,
        status: r.status as "outdated" | "unknown",
        class: r.updateClass,
        reason: r.reason,
        checkedAt: r.checkedAt,
        ...slaFor(r.availableSince, targetSeconds(ctx.targets, cls), ctx.now, known),
      };
    })
    .sort((a, b) => SLA_ORDER[a.sla] - SLA_ORDER[b.sla] || a.name.localeCompare(b.name));
}

export async function getOutdatedSummaries(repoIds: string[]): Promise<Map<string, OutdatedSummary>> {
  const [groups, refreshes] = await Promise.all([
    db.dependencyCheck.groupBy({
      by: ["repoId", "status"],
      where: { repoId: { in: repoIds } },
      _count: { _all: true },
    }),
    db.dependencyRefresh.findMany({ where: { repoId: { in: repoIds } } }),
  ]);
  const out = new Map<string, OutdatedSummary>(
    repoIds.map((id) => [
      id,
      { repoId: id, checkedAt: null, dependencies: 0, upToDate: 0, outdated: 0, unknown: 0, error: null },
    ]),
  );
  for (const g of groups) {
    const s = out.get(g.repoId)!;
    s.dependencies += g._count._all;
    if (g.status === "up_to_date") s.upToDate += g._count._all;
    else if (g.status === "outdated") s.outdated += g._count._all;
    else s.unknown += g._count._all;
  }
  for (const r of refreshes) Object.assign(out.get(r.repoId)!, { checkedAt: r.finishedAt, error: r.error });
  return out;
}
