import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current";
import { firstParams } from "@/lib/health/schemas";
import { getIncidentHistory, HistoryFilters } from "@/lib/incidents/views/history";
import { IncidentHistoryView } from "@/components/incidents/history-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Incident history" };

export default async function IncidentHistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser();
  const filters = HistoryFilters.parse(firstParams(await searchParams));
  const history = await getIncidentHistory(filters);
  return (
    <>
      <PageHeader
        title="Incident history"
        description="Resolved incidents, and how fast they were acknowledged, mitigated and resolved."
        actions={
          <Link href="/incidents" className="text-sm underline">
            ← Board
          </Link>
        }
      />
      <IncidentHistoryView history={history} filters={filters} />
    </>
  );
}
