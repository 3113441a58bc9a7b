"use client";
import Link from "next/link";
import { OVERVIEW_DEFINITIONS as DEF, type OverviewDefinitionKey } from "@/lib/github/overview/definitions";
import type { RepositorySummary } from "@/lib/github/overview/summaries";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { CiBadge, RepositoryFlags, SyncBadge } from "./status-badges";

const TERMS: Array<[OverviewDefinitionKey, string]> = [
  ["openIssues", "Open issues"],
  ["openPulls", "Open pull requests"],
  ["securityAlerts", "Security alerts"],
  ["ci", "Default branch CI"],
  ["lastSync", "Last sync"],
];

export function overviewHref(owner: string, name: string): string {
  return `/repositories/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
}

function Definitions() {
  return (
    <dl className="mt-4 grid gap-x-6 gap-y-2 text-xs md:grid-cols-[max-content_1fr]">
      {TERMS.map(([key, term]) => (
        <div key={key} className="contents">
          <dt className="font-medium">{term}</dt>
          <dd className="text-neutral-500 dark:text-neutral-400">{DEF[key]}</dd>
        </div>
      ))}
    </dl>
  );
}

function LastSync({ repo: r }: { repo: RepositorySummary }) {
  const last = r.sync.last;
  const when =
    last === null ? null : last.finishedAt ? (
      <>
        finished <Time value={last.finishedAt} />
      </>
    ) : (
      <>
        started <Time value={last.startedAt} />
      </>
    );
  return (
    <>
      <SyncBadge sync={r.sync} />
      {when && <div className="mt-0.5 whitespace-nowrap text-xs text-neutral-500 dark:text-neutral-400">{when}</div>}
    </>
  );
}

/** A number only once the repository has synced; before that the status column says "not synced yet". */
const synced = (r: RepositorySummary, value: React.ReactNode) =>
  r.synced ? value : <span className="text-neutral-500 dark:text-neutral-400">—</span>;

const COLUMNS: Column<RepositorySummary>[] = [
  {
    key: "name",
    header: "Repository",
    cell: (r) => (
      <Link href={overviewHref(r.owner, r.name)} className="font-medium text-sky-800 hover:underline dark:text-sky-300">
        {r.owner}/{r.name}
      </Link>
    ),
    sortValue: (r) => `${r.owner}/${r.name}`.toLowerCase(),
    filterText: (r) => `${r.owner}/${r.name}`,
  },
  {
    key: "status",
    header: "Status",
    cell: (r) => (
      <>
        <RepositoryFlags enabled={r.enabled} isArchived={r.isArchived} />
        {!r.synced && (
          <div className="mt-1 text-neutral-600 dark:text-neutral-400" data-testid="not-synced">
            not synced yet
          </div>
        )}
      </>
    ),
  },
  {
    key: "issues",
    header: "Open issues",
    cell: (r) => synced(r, r.openIssues),
    sortValue: (r) => (r.synced ? r.openIssues : null),
    align: "right",
  },
  {
    key: "pulls",
    header: "Open pull requests",
    cell: (r) => synced(r, r.openPulls),
    sortValue: (r) => (r.synced ? r.openPulls : null),
    align: "right",
  },
  {
    key: "alerts",
    header: "Security alerts",
    cell: (r) => synced(r, r.openAlerts),
    sortValue: (r) => (r.synced ? r.openAlerts : null),
    align: "right",
  },
  { key: "ci", header: "Default branch CI", cell: (r) => synced(r, <CiBadge state={r.ci} />), sortValue: (r) => r.ci },
  { key: "sync", header: "Last sync", cell: (r) => <LastSync repo={r} />, sortValue: (r) => r.sync.last?.startedAt },
];

export function RepositoryList({ repositories }: { repositories: RepositorySummary[] }) {
  if (repositories.length === 0) {
    return (
      <EmptyState title="No repositories yet">
        An admin adds repositories in{" "}
        <Link href="/settings/repositories" className="font-medium text-sky-800 underline dark:text-sky-300">
          Settings → Repositories
        </Link>{" "}
        or lists them (owner/name, comma-separated) in the <code className="font-mono">STEWARD_REPOS</code> environment
        variable. Each is synced from GitHub and appears here.
      </EmptyState>
    );
  }
  return (
    <Card title={`${repositories.length} ${repositories.length === 1 ? "repository" : "repositories"}`}>
      <DataTable rows={repositories} columns={COLUMNS} rowKey={(r) => r.id} caption="Repositories" />
      <Definitions />
    </Card>
  );
}
