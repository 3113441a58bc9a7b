import type { Metadata } from "next";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { makeQueryClient } from "@/lib/query-client";
import { requireUser } from "@/lib/auth/current";
import { hasRole } from "@/lib/auth/roles";
import { getWriteAccess } from "@/lib/triage/actions/access";
import { triageKeys } from "@/lib/triage/query-keys";
import { listTriageRepos } from "@/lib/triage/queries";
import { TriageFilters } from "@/lib/triage/schemas";
import { getTriageQueueView } from "@/lib/triage/view";
import { TriageBoard } from "@/components/triage/triage-board";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Triage" };

export default async function TriagePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = TriageFilters.safeParse(raw);
  const filters = parsed.success ? parsed.data : TriageFilters.parse({});
  const queryClient = makeQueryClient();
  const [repos] = await Promise.all([
    listTriageRepos(),
    queryClient.fetchQuery({ queryKey: triageKeys.queue(filters), queryFn: () => getTriageQueueView(filters) }),
  ]);
  const maintainer = hasRole(user.role, "maintainer");
  const write = maintainer && repos.length > 0 ? await getWriteAccess(repos) : null;
  const access = {
    allowed: !!write?.canWrite,
    message: write?.message ?? null,
    writableRepos: write ? repos.filter((r) => write.byRepo[r.key]).map((r) => r.key) : [],
  };
  return (
    <>
      <PageHeader
        title="Triage"
        description="Open issues and pull requests by the runbook's triage and response targets, most urgent first."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TriageBoard filters={filters} hasRepos={repos.length > 0} access={access} />
      </HydrationBoundary>
    </>
  );
}
