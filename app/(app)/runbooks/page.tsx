import type { Metadata } from "next";
import Link from "next/link";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { makeQueryClient } from "@/lib/query-client";
import { requireUser } from "@/lib/auth/current";
import { hasRole } from "@/lib/auth/roles";
import { listRunbookViews } from "@/lib/runbooks/views/runbooks";
import { runbookKeys } from "@/lib/runbooks/query-keys";
import { RunbookList } from "@/components/runbooks/runbook-list";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Runbooks" };

export default async function RunbooksPage({ searchParams }: { searchParams: Promise<{ import?: string }> }) {
  const user = await requireUser();
  const queryClient = makeQueryClient();
  await queryClient.fetchQuery({ queryKey: runbookKeys.list(), queryFn: () => listRunbookViews() });
  return (
    <>
      <PageHeader
        title="Runbooks"
        description="Imported runbooks, their sections and cadences (in the team's time zone), and the live checks bound to items."
        actions={
          <Link href="/runbooks/history" className={buttonClass("secondary")}>
            History
          </Link>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <RunbookList canAct={hasRole(user.role, "maintainer")} importTemplate={(await searchParams).import} />
      </HydrationBoundary>
    </>
  );
}
