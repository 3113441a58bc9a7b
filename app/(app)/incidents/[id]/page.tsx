import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { makeQueryClient } from "@/lib/query-client";
import { requireUser } from "@/lib/auth/current";
import { hasRole } from "@/lib/auth/roles";
import { ApiError } from "@/lib/errors";
import { getIncident } from "@/lib/incidents/views/queries";
import { getEditorOptions } from "@/lib/incidents/views/editor-options";
import { incidentKeys } from "@/lib/incidents/query-keys";
import { IncidentDetailView } from "@/components/incidents/incident-detail";

export const metadata: Metadata = { title: "Incident" };

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const queryClient = makeQueryClient();
  try {
    await queryClient.fetchQuery({ queryKey: incidentKeys.one(id), queryFn: () => getIncident(id) });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
  const canAct = hasRole(user.role, "maintainer");
  const editorOptions = canAct ? await getEditorOptions() : null;
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <IncidentDetailView id={id} canAct={canAct} editorOptions={editorOptions} />
    </HydrationBoundary>
  );
}
