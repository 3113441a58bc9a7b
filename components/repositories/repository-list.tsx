import Link from "next/link";
import { OVERVIEW_DEFINITIONS as DEF, type OverviewDefinitionKey } from "@/lib/github/overview/definitions";
import type { RepositorySummary } from "@/lib/github/overview/summaries";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { CiBadge, RepositoryFlags, SyncBadge } from "./status-badges";

const th = "py-2 pr-4 font-medium";
const num = "py-2 pr-4 text-right tabular-nums";
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

function SummaryRow({ repo: r }: { repo: RepositorySummary }) {
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
    <tr className="align-top">
      <th scope="row" className="py-2 pr-4 font-medium">
        <Link href={overviewHref(r.owner, r.name)} className="text-sky-800 hover:underline dark:text-sky-300">
          {r.owner}/{r.name}
        </Link>
      </th>
      <td className="py-2 pr-4">
        <RepositoryFlags enabled={r.enabled} isArchived={r.isArchived} />
      </td>
      {r.synced ? (
        <>
          <td className={num}>{r.openIssues}</td>
          <td className={num}>{r.openPulls}</td>
          <td className={num}>{r.openAlerts}</td>
          <td className="py-2 pr-4">
            <CiBadge state={r.ci} />
          </td>
        </>
      ) : (
        <td colSpan={4} className="py-2 pr-4 text-neutral-600 dark:text-neutral-400" data-testid="not-synced">
          not synced yet
        </td>
      )}
      <td className="py-2">
        <SyncBadge sync={r.sync} />
        {when && <div className="mt-0.5 whitespace-nowrap text-xs text-neutral-500 dark:text-neutral-400">{when}</div>}
      </td>
    </tr>
  );
}

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
      <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Table (scrolls sideways)">
        <table className="w-full min-w-[760px] text-left text-sm">
          <thead className="text-xs text-neutral-500 dark:text-neutral-400">
            <tr>
              <th scope="col" className={th}>
                Repository
              </th>
              <th scope="col" className={th}>
                Status
              </th>
              <th scope="col" className={`${th} text-right`}>
                Open issues
              </th>
              <th scope="col" className={`${th} text-right`}>
                Open pull requests
              </th>
              <th scope="col" className={`${th} text-right`}>
                Security alerts
              </th>
              <th scope="col" className={th}>
                Default branch CI
              </th>
              <th scope="col" className="py-2 font-medium">
                Last sync
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
            {repositories.map((r) => (
              <SummaryRow key={r.id} repo={r} />
            ))}
          </tbody>
        </table>
      </div>
      <Definitions />
    </Card>
  );
}
