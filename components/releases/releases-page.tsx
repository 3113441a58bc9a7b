import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RepoFilter } from "@/components/deps/repo-filter";
import type { ReleasesPageData } from "@/lib/releases/view";
import { CadenceCard } from "./cadence";
import { ReleaseHistory } from "./history";
import { ProcedureCard } from "./procedure";
import type { ReleaseRunLink } from "@/components/runbooks/release-runs";
import { UnreleasedCard } from "./unreleased";

export function ReleasesPage({
  data,
  requested,
  runs = [],
  canAct = false,
}: {
  data: ReleasesPageData;
  requested: string | null;
  runs?: ReleaseRunLink[];
  canAct?: boolean;
}) {
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
        Releases and tags come from synced repositories: add one in Settings → Repositories (or set STEWARD_REPOS).
      </EmptyState>
    );
  }
  const key = data.selected ? `${data.selected.owner}/${data.selected.name}` : null;
  return (
    <div className="space-y-6">
      <RepoFilter action="/releases" repositories={data.repositories} selected={key} allowAll={false} />
      {!data.selected || !data.view ? (
        <EmptyState title="Repository not found">
          steward does not sync {requested}. Pick one of the synced repositories above.
        </EmptyState>
      ) : (
        <>
          <div className="grid gap-6 lg:grid-cols-2">
            <CadenceCard lines={data.view.cadence} />
            <ProcedureCard repo={key!} procedure={data.procedure} runs={runs} canAct={canAct} />
          </div>
          <UnreleasedCard unreleased={data.view.unreleased} />
          <ReleaseHistory releases={data.view.releases} tagsWithoutRelease={data.view.tagsWithoutRelease} />
        </>
      )}
    </div>
  );
}
