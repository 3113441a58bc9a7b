import type { Metadata } from "next";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { makeQueryClient } from "@/lib/query-client";
import { requireUser } from "@/lib/auth/current";
import { hasRole } from "@/lib/auth/roles";
import { repositoryKeys } from "@/lib/github/admin/query-keys";
import { getRepositorySettingsView } from "@/lib/github/admin/views";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { RepositoriesPanel } from "@/components/settings/repositories-panel";

export const metadata: Metadata = { title: "Settings · Repositories" };

export default async function RepositoriesSettingsPage() {
  const user = await requireUser();
  const queryClient = makeQueryClient();
  await queryClient.fetchQuery({ queryKey: repositoryKeys.settings(), queryFn: () => getRepositorySettingsView() });
  return (
    <>
      <PageHeader
        title="Settings"
        description="The GitHub repositories steward syncs, the token it uses, and each sync's progress."
      />
      <SettingsNav current="/settings/repositories" isAdmin={user.role === "admin"} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RepositoriesPanel isAdmin={user.role === "admin"} canSync={hasRole(user.role, "maintainer")} />
      </HydrationBoundary>
    </>
  );
}
