import { OVERVIEW_DEFINITIONS as DEF } from "@/lib/github/overview/definitions";
import type { RepositoryOverview as Overview } from "@/lib/github/overview/repository-overview";
import { EmptyState } from "@/components/ui/empty-state";
import { AlertsCard } from "./alerts-card";
import { CiCard } from "./ci-card";
import { OpenIssuesCard, OpenPullsCard } from "./item-cards";
import { ReleaseCard } from "./release-card";
import { RepositoryFlags } from "./status-badges";
import { SyncCard } from "./sync-card";
import { UnlabeledIssuesCard } from "./unlabeled-issues";
import { AwaitingReviewCard, NewestIssuesCard } from "./item-lists";

function FactsStrip({ overview: o }: { overview: Overview }) {
  const r = o.repository;
  const facts: Array<[string, string]> = [
    ["Default branch", r.defaultBranch ?? "unknown"],
    ["Visibility", r.isPrivate ? "private" : "public"],
  ];
  if (o.stats)
    facts.push(
      ["Stars", o.stats.stars.toLocaleString("en-GB")],
      ["Forks", o.stats.forks.toLocaleString("en-GB")],
      ["Watchers", o.stats.watchers.toLocaleString("en-GB")],
    );
  return (
    <div className="mb-6 space-y-2">
      <RepositoryFlags enabled={r.enabled} isArchived={r.isArchived} />
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {facts.map(([term, value]) => (
          <div key={term} className="flex gap-1.5">
            <dt className="text-neutral-500 dark:text-neutral-400">{term}</dt>
            <dd className="font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {o.stats && <p className="text-xs text-neutral-500 dark:text-neutral-400">{DEF.stats}</p>}
    </div>
  );
}

function NotSynced({ overview: o }: { overview: Overview }) {
  const r = o.repository;
  const next = o.sync.running
    ? "A sync is running now; this page fills in when it finishes."
    : r.enabled
      ? "The scheduled sync will fetch it; an admin can also start a sync in Settings → Repositories."
      : "The repository is paused, so it will not be synced until an admin resumes it in Settings → Repositories.";
  return (
    <EmptyState title="Not synced yet">
      <p>
        Not synced yet — steward has not finished a first sync of {r.owner}/{r.name}, so there is nothing to count.
      </p>
      <p className="mt-2">{next}</p>
    </EmptyState>
  );
}

/** The whole overview: facts, then the numbers, each with its definition beside it. */
export function RepositoryOverview({ overview: o }: { overview: Overview }) {
  const sync = <SyncCard repositoryId={o.repository.id} sync={o.sync} />;
  if (!o.synced) {
    return (
      <div className="space-y-6">
        <FactsStrip overview={o} />
        <NotSynced overview={o} />
        {sync}
      </div>
    );
  }
  return (
    <>
      <FactsStrip overview={o} />
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        <OpenIssuesCard issues={o.issues} />
        <OpenPullsCard pulls={o.pulls} />
        <CiCard ci={o.ci} defaultBranch={o.repository.defaultBranch} />
        <ReleaseCard release={o.latestRelease} />
        <AlertsCard alerts={o.alerts} />
        {sync}
      </div>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <AwaitingReviewCard awaiting={o.awaitingReview} />
        <NewestIssuesCard issues={o.newestIssues} />
      </div>
      <div className="mt-4">
        <UnlabeledIssuesCard unlabeled={o.unlabeled} />
      </div>
    </>
  );
}
