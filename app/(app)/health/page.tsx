import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { makeQueryClient } from "@/lib/query-client";
import { requireUser } from "@/lib/auth/current";
import { hasRole } from "@/lib/auth/roles";
import { getHealthOverviewView } from "@/lib/health/views/overview-view";
import { healthKeys } from "@/lib/health/query-keys";
import { HealthOverview } from "@/components/health/health-overview";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { PanelSkeleton } from "@/components/ui/panel";

export const metadata: Metadata = { title: "Health" };

/** The targets widget streams on its own: the header shows at once, the skeleton until the checks are read. */
async function Targets({ canManage }: { canManage: boolean }) {
  const queryClient = makeQueryClient();
  await queryClient.fetchQuery({ queryKey: healthKeys.overview(), queryFn: () => getHealthOverviewView() });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <HealthOverview canManage={canManage} />
    </HydrationBoundary>
  );
}

export default async function HealthPage() {
  const user = await requireUser();
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
        <Targets canManage={canManage} />
      </Suspense>
    </>
  );
}
