import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { makeQueryClient } from "@/lib/query-client";
import { requireUser } from "@/lib/auth/current";
import { hasRole } from "@/lib/auth/roles";
import { repositoryKeys } from "@/lib/github/admin/query-keys";
import { getSyncHistoryView } from "@/lib/github/admin/views";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { SyncHistory } from "@/components/sync/sync-history";

export const metadata: Metadata = { title: "Settings · Repositories · Sync history" };

export default async function SyncHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const view = await getSyncHistoryView(id.data);
  if (!view) notFound();
  const queryClient = makeQueryClient();
  queryClient.setQueryData(repositoryKeys.history(id.data), view);
  return (
    <>
      <PageHeader
        title={`${view.repository.owner}/${view.repository.name}`}
        description="Sync runs of this repository: live progress, results and errors."
      />
      <SettingsNav current="/settings/repositories" isAdmin={user.role === "admin"} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <SyncHistory id={id.data} canSync={hasRole(user.role, "maintainer")} />
      </HydrationBoundary>
    </>
  );
}
