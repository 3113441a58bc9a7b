// Open issue, pull request and security alert counts per repository (see definitions.ts).
import { db } from "@/lib/db";

export const SEVERITIES = ["CRITICAL", "HIGH", "MODERATE", "LOW", "unknown"] as const;
export type AlertSeverity = (typeof SEVERITIES)[number];
export type AlertCounts = { open: number; bySeverity: Record<AlertSeverity, number> };
export type OpenItemCounts = { issues: number; pulls: number; draftPulls: number };

/** Open on GitHub and still in the repository: transferred and deleted items keep their last state. */
export const OPEN_ITEM = { state: "OPEN", removedAt: null } as const;

const emptyItems = (): OpenItemCounts => ({ issues: 0, pulls: 0, draftPulls: 0 });
const emptyAlerts = (): AlertCounts => ({
  open: 0,
  bySeverity: { CRITICAL: 0, HIGH: 0, MODERATE: 0, LOW: 0, unknown: 0 },
});

export function toSeverity(severity: string | null): AlertSeverity {
  return SEVERITIES.find((s) => s !== "unknown" && s === severity) ?? "unknown";
}

export async function countOpenItems(repoIds: string[]): Promise<Map<string, OpenItemCounts>> {
  const out = new Map(repoIds.map((id) => [id, emptyItems()]));
  if (repoIds.length === 0) return out;
  const groups = await db.githubItem.groupBy({
    by: ["repoId", "kind", "isDraft"],
    where: { repoId: { in: repoIds }, ...OPEN_ITEM },
    _count: { _all: true },
  });
  for (const g of groups) {
    const counts = out.get(g.repoId) ?? emptyItems();
    if (g.kind === "issue") counts.issues += g._count._all;
    else {
      counts.pulls += g._count._all;
      if (g.isDraft === true) counts.draftPulls += g._count._all;
    }
    out.set(g.repoId, counts);
  }
  return out;
}

export async function countOpenAlerts(repoIds: string[]): Promise<Map<string, AlertCounts>> {
  const out = new Map(repoIds.map((id) => [id, emptyAlerts()]));
  if (repoIds.length === 0) return out;
  const groups = await db.githubSecurityAlert.groupBy({
    by: ["repoId", "severity"],
    where: { repoId: { in: repoIds }, state: "OPEN" },
    _count: { _all: true },
  });
  for (const g of groups) {
    const counts = out.get(g.repoId) ?? emptyAlerts();
    counts.open += g._count._all;
    counts.bySeverity[toSeverity(g.severity)] += g._count._all;
    out.set(g.repoId, counts);
  }
  return out;
}
