import { OVERVIEW_DEFINITIONS as DEF } from "@/lib/github/overview/definitions";
import { Suspense } from "react";
import { overviewParts as parts, type RepositoryHeader as Overview } from "@/lib/github/overview/repository-overview";
import { PanelSkeleton } from "@/components/ui/panel";
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

async function OpenWork({ id }: { id: string }) {
  const work = await parts.openWork(id);
  return (
    <>
      <OpenIssuesCard issues={work.issues} />
      <OpenPullsCard pulls={work.pulls} />
    </>
  );
}
async function Ci({ id, defaultBranch }: { id: string; defaultBranch: string | null }) {
  return <CiCard ci={await parts.ci(id)} defaultBranch={defaultBranch} />;
}
async function Release({ id }: { id: string }) {
  return <ReleaseCard release={await parts.latestRelease(id)} />;
}
async function Alerts({ id }: { id: string }) {
  return <AlertsCard alerts={await parts.alerts(id)} />;
}
async function AwaitingReview({ id }: { id: string }) {
  return <AwaitingReviewCard awaiting={await parts.awaitingReview(id)} />;
}
async function NewestIssues({ id }: { id: string }) {
  return <NewestIssuesCard issues={await parts.newestIssues(id)} />;
}
async function Unlabeled({ id }: { id: string }) {
  return <UnlabeledIssuesCard unlabeled={await parts.unlabeled(id)} />;
}

/** One widget streaming on its own, with its skeleton until its query answers. */
function Widget({ title, children, lines = 3 }: { title: string; children: React.ReactNode; lines?: number }) {
  return <Suspense fallback={<PanelSkeleton title={title} lines={lines} />}>{children}</Suspense>;
}

/** The whole overview: facts, then the numbers (each with its definition beside it), each widget streamed on its own. */
export function RepositoryOverview({ overview: o }: { overview: Overview }) {
  const id = o.repository.id;
  const sync = <SyncCard repositoryId={id} sync={o.sync} />;
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
        <Suspense
          fallback={
            <>
              <PanelSkeleton title="Open issues" lines={2} />
              <PanelSkeleton title="Open pull requests" lines={2} />
            </>
          }
        >
          <OpenWork id={id} />
        </Suspense>
        <Widget title="Default branch CI">
          <Ci id={id} defaultBranch={o.repository.defaultBranch} />
        </Widget>
        <Widget title="Latest release">
          <Release id={id} />
        </Widget>
        <Widget title="Security alerts">
          <Alerts id={id} />
        </Widget>
        {sync}
      </div>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <Widget title="Waiting for review" lines={5}>
          <AwaitingReview id={id} />
        </Widget>
        <Widget title="Newest issues" lines={5}>
          <NewestIssues id={id} />
        </Widget>
      </div>
      <div className="mt-4">
        <Widget title="Unlabeled issues" lines={5}>
          <Unlabeled id={id} />
        </Widget>
      </div>
    </>
  );
}
