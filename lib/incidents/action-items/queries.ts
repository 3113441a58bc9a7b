// The postmortem's action-item issues with their state on GitHub (from the synced issue, so closing it
// on GitHub shows here after the next sync), and the repositories an issue can go to.
import "server-only";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import type { ActionItemIssueLink, ActionItemIssues } from "./schemas";

export async function getActionItemIssues(incidentId: string): Promise<ActionItemIssues> {
  const [incident, rows, repos] = await Promise.all([
    db.incident.findUnique({ where: { id: incidentId }, select: { repositories: true } }),
    db.incidentActionItemIssue.findMany({
      where: { incidentId },
      orderBy: { claimedAt: "asc" },
      include: { repo: { select: { key: true } } },
    }),
    db.githubRepository.findMany({ where: { enabled: true }, select: { key: true }, orderBy: { key: "asc" } }),
  ]);
  if (!incident) throw new ApiError(404, "not_found", "No such incident.");
  const numbers = rows.flatMap((r) => (r.number === null ? [] : [{ repoId: r.repoId, number: r.number }]));
  const synced = numbers.length
    ? await db.githubItem.findMany({
        where: { OR: numbers, kind: "issue" },
        select: { repoId: true, number: true, state: true, closedAt: true },
      })
    : [];
  const stateOf = new Map(synced.map((i) => [`${i.repoId}#${i.number}`, i]));
  const links: ActionItemIssueLink[] = rows.map((r) => {
    const s = stateOf.get(`${r.repoId}#${r.number}`);
    return {
      itemKey: r.itemKey,
      itemText: r.itemText,
      repository: r.repo.key,
      status: r.status === "created" ? "created" : "creating",
      number: r.number,
      url: r.url,
      state: s ? (s.state === "OPEN" ? "OPEN" : "CLOSED") : null,
      closedAt: s?.closedAt?.toISOString() ?? null,
    };
  });
  const own = incident.repositories.map((r) => r.toLowerCase());
  const keys = repos.map((r) => r.key);
  return { links, repositories: [...own.filter((k) => keys.includes(k)), ...keys.filter((k) => !own.includes(k))] };
}
