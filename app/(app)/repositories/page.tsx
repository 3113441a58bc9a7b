import type { Metadata } from "next";
import { Suspense } from "react";
import { requireUser } from "@/lib/auth/current";
import { listRepositorySummaries } from "@/lib/github/overview/summaries";
import { RepositoryList } from "@/components/repositories/repository-list";
import { PageHeader } from "@/components/ui/page-header";
import { PanelSkeleton } from "@/components/ui/panel";

export const metadata: Metadata = { title: "Repositories" };

async function Repositories() {
  return <RepositoryList repositories={await listRepositorySummaries()} />;
}

export default async function RepositoriesPage() {
  await requireUser();
  return (
    <>
      <PageHeader
        title="Repositories"
        description="Every repository steward syncs from GitHub, enabled and paused, with its open work, CI and last sync."
      />
      <Suspense fallback={<PanelSkeleton title="Repositories" lines={6} />}>
        <Repositories />
      </Suspense>
    </>
  );
}
