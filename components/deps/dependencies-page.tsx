import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { formatTarget } from "@/lib/deps/targets";
import type { DependenciesPageData } from "@/lib/deps/view";
import { AlertsSection } from "./alerts-section";
import { OutdatedSection } from "./outdated-section";
import { RepoFilter } from "./repo-filter";
import { SummaryTiles } from "./summary-tiles";
import { UpdatePullsSection } from "./update-pulls-section";
import { FormError } from "@/components/ui/form-message";

export function DependenciesPage({ data, requested }: { data: DependenciesPageData; requested: string | null }) {
  if (data.repositories.length === 0) {
    return (
      <EmptyState
        title="No repositories yet"
        action={
          <Link href="/settings/repositories" className={buttonClass()}>
            Add a repository
          </Link>
        }
      >
        Dependencies come from synced repositories: add one in Settings → Repositories (or set STEWARD_REPOS) and its
        Dependabot alerts and update PRs appear here after the first sync.
      </EmptyState>
    );
  }
  const keys = new Map(data.repositories.map((r) => [r.id, `${r.owner}/${r.name}`]));
  const repoKey = (id: string) => keys.get(id) ?? "unknown repository";
  const t = data.targets;
  return (
    <div className="space-y-6">
      <RepoFilter
        action="/dependencies"
        repositories={data.repositories}
        selected={data.selected ? `${data.selected.owner}/${data.selected.name}` : null}
      />
      {requested && !data.selected && (
        <FormError>steward does not sync {requested}; showing every repository.</FormError>
      )}
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Targets (the runbook’s update strategy): security {formatTarget(t.security.critical)} for critical
        {t.security.low !== t.security.critical
          ? `, ${formatTarget(t.security.low)} for low`
          : " and every other severity"}{" "}
        — “immediately”; patch {formatTarget(t.patch)}; minor {formatTarget(t.minor)}; major planned, no target.
      </p>
      <SummaryTiles counts={data.counts} />
      <AlertsSection alerts={data.alerts} history={data.history} repoKey={repoKey} />
      <UpdatePullsSection pulls={data.updatePulls} stats={data.mergeStats} repoKey={repoKey} />
      <OutdatedSection rows={data.outdated} summaries={data.outdatedSummary} repoKey={repoKey} />
    </div>
  );
}
