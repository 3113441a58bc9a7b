import type { Metadata } from "next";
import Link from "next/link";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { makeQueryClient } from "@/lib/query-client";
import { requireUser } from "@/lib/auth/current";
import { hasRole } from "@/lib/auth/roles";
import { listIncidents } from "@/lib/incidents/views/queries";
import { incidentKeys } from "@/lib/incidents/query-keys";
import { getIncidentTypes } from "@/lib/incidents/types";
import { IncidentBoard } from "@/components/incidents/incident-board";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  const user = await requireUser();
  const queryClient = makeQueryClient();
  const [types] = await Promise.all([
    getIncidentTypes(),
    queryClient.fetchQuery({ queryKey: incidentKeys.board(), queryFn: () => listIncidents({ status: "all" }) }),
  ]);
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Open incidents by status, with their response deadlines."
        actions={
          <div className="flex gap-2">
            <Link href="/incidents/maintenance" className={buttonClass("secondary")}>
              Maintenance
            </Link>
            <Link href="/incidents/history" className={buttonClass("secondary")}>
              History and MTTA/MTTR
            </Link>
          </div>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <IncidentBoard canAct={hasRole(user.role, "maintainer")} types={types.map(({ procedure: _p, ...t }) => t)} />
      </HydrationBoundary>
    </>
  );
}
