import type { Metadata } from "next";
import Link from "next/link";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { makeQueryClient } from "@/lib/query-client";
import { requireUser } from "@/lib/auth/current";
import { hasRole } from "@/lib/auth/roles";
import { getHealthOverviewView } from "@/lib/health/overview-view";
import { healthKeys } from "@/lib/health/query-keys";
import { HealthOverview } from "@/components/health/health-overview";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Health" };

export default async function HealthPage() {
  const user = await requireUser();
  const canManage = hasRole(user.role, "admin");
  const queryClient = makeQueryClient();
  await queryClient.fetchQuery({ queryKey: healthKeys.overview(), queryFn: () => getHealthOverviewView() });
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
      <HydrationBoundary state={dehydrate(queryClient)}>
        <HealthOverview canManage={canManage} />
      </HydrationBoundary>
    </>
  );
}
