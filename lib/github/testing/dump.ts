// A canonical, ordered dump of everything synced for one repository, to compare two databases
// (or two runs) for equality. Bookkeeping (sync runs, leases, timestamps of our own) is left out.
import { db } from "@/lib/db";

const byKey = <T>(rows: T[], key: (row: T) => string) =>
  [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

export async function dumpRepository(repoId: string) {
  const where = { repoId };
  const itemWhere = { item: { repoId } };
  const [
    items,
    comments,
    events,
    reviews,
    labels,
    itemLabels,
    assignees,
    requests,
    commits,
    suites,
    runs,
    releases,
    tags,
    alerts,
    stats,
    cursors,
  ] = await Promise.all([
    db.githubItem.findMany({ where }),
    db.githubComment.findMany({ where: itemWhere }),
    db.githubItemEvent.findMany({ where: itemWhere }),
    db.githubReview.findMany({ where: itemWhere }),
    db.githubLabel.findMany({ where }),
    db.githubItemLabel.findMany({ where: itemWhere }),
    db.githubItemAssignee.findMany({ where: itemWhere }),
    db.githubReviewRequest.findMany({ where: itemWhere }),
    db.githubCommit.findMany({ where }),
    db.githubCheckSuite.findMany({ where }),
    db.githubCheckRun.findMany({ where }),
    db.githubRelease.findMany({ where }),
    db.githubTag.findMany({ where }),
    db.githubSecurityAlert.findMany({ where }),
    db.githubRepoStatsDaily.findMany({ where }),
    db.githubSyncCursor.findMany({ where, select: { resource: true, watermark: true, cursor: true, walkTop: true } }),
  ]);
  const dump = {
    items: byKey(items, (r) => r.id),
    comments: byKey(comments, (r) => r.id),
    events: byKey(events, (r) => r.id),
    reviews: byKey(reviews, (r) => r.id),
    labels: byKey(labels, (r) => r.id),
    itemLabels: byKey(itemLabels, (r) => `${r.itemId}/${r.labelId}`),
    assignees: byKey(assignees, (r) => `${r.itemId}/${r.login}`),
    requests: byKey(requests, (r) => `${r.itemId}/${r.reviewer}`),
    commits: byKey(commits, (r) => r.oid),
    suites: byKey(suites, (r) => r.id),
    runs: byKey(runs, (r) => r.id),
    releases: byKey(releases, (r) => r.id),
    tags: byKey(tags, (r) => r.name),
    alerts: byKey(alerts, (r) => r.id),
    stats: stats.map(({ stars, forks, watchers }) => ({ stars, forks, watchers })),
    cursors: byKey(cursors, (r) => r.resource),
  };
  // The repository id differs between two harnesses of the same generated data: leave it out.
  return JSON.parse(
    JSON.stringify(dump, (key, value: unknown) =>
      key === "repoId" ? undefined : typeof value === "bigint" ? value.toString() : value,
    ),
  ) as unknown;
}
