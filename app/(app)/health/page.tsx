import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { makeQueryClient } from "@/lib/query-client";
import { requireUser } from "@/lib/auth/current";
import { hasRole } from "@/lib/auth/roles";
import { getHealthOverviewView } from "@/lib/health/views/overview-view";
import { DEFAULT_OVERVIEW_FILTER, OverviewParams, type OverviewFilter } from "@/lib/health/views/overview-plan";
import { firstParams } from "@/lib/health/schemas";
import { healthKeys } from "@/lib/health/query-keys";
import { HealthOverview } from "@/components/health/health-overview";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { PanelSkeleton } from "@/components/ui/panel";

export const metadata: Metadata = { title: "Health" };

/** The targets widget streams on its own: the header shows at once, the skeleton until the checks are read. */
async function Targets({ canManage, filter }: { canManage: boolean; filter: OverviewFilter }) {
  const queryClient = makeQueryClient();
  await queryClient.fetchQuery({
    queryKey: healthKeys.overview(filter),
    queryFn: () => getHealthOverviewView(new Date(), filter),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <HealthOverview canManage={canManage} filter={filter} />
    </HydrationBoundary>
  );
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function HealthPage({ searchParams }: { searchParams: Search }) {
  const user = await requireUser();
  // Filters and page live in the URL; an invalid one falls back to the default view.
  const parsed = OverviewParams.safeParse(firstParams(await searchParams));
  const filter = parsed.success ? parsed.data : DEFAULT_OVERVIEW_FILTER;
  const canManage = hasRole(user.role, "admin");
  return (
    <>
      <PageHeader
        title="Health"
        description="Every target's state against the runbook's thresholds, problems first, grouped by service."
        actions={
          canManage ? (
            <Link href="/health/targets/new" className={buttonClass()}>
              Add target
            </Link>
          ) : undefined
        }
      />
      <Suspense fallback={<PanelSkeleton title="Targets" lines={8} />}>
        <Targets canManage={canManage} filter={filter} />
      </Suspense>
    </>
  );
}
