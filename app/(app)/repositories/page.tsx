import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current";
import { listRepositorySummaries } from "@/lib/github/overview/summaries";
import { RepositoryList } from "@/components/repositories/repository-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Repositories" };

export default async function RepositoriesPage() {
  await requireUser();
  const repositories = await listRepositorySummaries();
  return (
    <>
      <PageHeader
        title="Repositories"
        description="Every repository steward syncs from GitHub, enabled and paused, with its open work, CI and last sync."
      />
      <RepositoryList repositories={repositories} />
    </>
  );
}
