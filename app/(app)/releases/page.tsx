import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current";
import { ProcedureQuery } from "@/lib/deps/schemas";
import { getReleasesPage } from "@/lib/releases/view";
import { ReleasesPage } from "@/components/releases/releases-page";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/auth/roles";
import { listReleaseRuns } from "@/lib/runbooks/store/linked-procedures";

export const metadata: Metadata = { title: "Releases" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function Page({ searchParams }: Props) {
  const user = await requireUser();
  const params = await searchParams;
  const requested = typeof params.repo === "string" && params.repo.trim() ? params.repo.trim() : null;
  const procedure = ProcedureQuery.safeParse(params);
  const data = await getReleasesPage({
    now: new Date(),
    repoKey: requested ?? undefined,
    procedure: procedure.success ? procedure.data : undefined,
  });
  const runs = data.selected ? await listReleaseRuns(data.selected.id) : [];
  return (
    <>
      <PageHeader
        title="Releases"
        description="Release history, cadence against the targets, what is merged but unreleased, and the release procedure."
      />
      <ReleasesPage data={data} requested={requested} runs={runs} canAct={hasRole(user.role, "maintainer")} />
    </>
  );
}
