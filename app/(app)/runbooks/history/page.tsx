import type { Metadata } from "next";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { makeQueryClient } from "@/lib/query-client";
import { requireUser } from "@/lib/auth/current";
import { getHistoryView } from "@/lib/runbooks/views/history";
import { runbookKeys } from "@/lib/runbooks/query-keys";
import { HistoryBoard } from "@/components/runbooks/history-board";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Runbook history" };

export default async function RunbookHistoryPage({ searchParams }: { searchParams: Promise<{ range?: string }> }) {
  await requireUser();
  const range = (await searchParams).range === "month" ? "month" : "week";
  const queryClient = makeQueryClient();
  await queryClient.fetchQuery({ queryKey: runbookKeys.history(range), queryFn: () => getHistoryView(range) });
  return (
    <>
      <PageHeader
        title="Runbook history"
        description="Runs completed on time, late or missed, who ticked what, and the evidence of each automatic tick."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <HistoryBoard range={range} />
      </HydrationBoundary>
    </>
  );
}
