import type { Metadata } from "next";
import Link from "next/link";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { makeQueryClient } from "@/lib/query-client";
import { requireUser } from "@/lib/auth/current";
import { hasRole } from "@/lib/auth/roles";
import { getTodayView } from "@/lib/runbooks/views/today";
import { runbookKeys } from "@/lib/runbooks/query-keys";
import { TodayBoard } from "@/components/runbooks/today-board";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { GettingStarted } from "@/components/setup/getting-started";
import { getSetupSteps } from "@/lib/setup/queries";
import { isSetUp } from "@/lib/setup/steps";

export const metadata: Metadata = { title: "Today" };

export default async function TodayPage() {
  const user = await requireUser();
  const queryClient = makeQueryClient();
  // Getting started is read with the page, not streamed: a streamed panel's skeleton, replaced by the
  // steps or by nothing once set up, moved everything below it (Lighthouse's layout shift on Today).
  const [steps] = await Promise.all([
    getSetupSteps(),
    queryClient.fetchQuery({ queryKey: runbookKeys.today(), queryFn: () => getTodayView() }),
  ]);
  return (
    <>
      {!isSetUp(steps) && <GettingStarted steps={steps} canConfigure={user.role === "admin"} />}
      <PageHeader
        title="Today"
        description="Checklists due today and overdue, each item with its live evidence — and what still needs a person."
        actions={
          <Link href="/runbooks/history" className={buttonClass("secondary")}>
            History
          </Link>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TodayBoard canAct={hasRole(user.role, "maintainer")} />
      </HydrationBoundary>
    </>
  );
}
