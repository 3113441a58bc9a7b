import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/current";
import { AuditFilterParams } from "@/lib/audit/filters";
import { listAuditFacets, listAuditLog } from "@/lib/audit/queries";
import { firstParams } from "@/lib/health/schemas";
import { getTeamTimeZone } from "@/lib/time/team-zone";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { AuditFilters, AuditTable } from "@/components/settings/audit-table";

export const metadata: Metadata = { title: "Settings · Audit log" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole("admin");
  const filter = AuditFilterParams.parse(firstParams(await searchParams));
  const timeZone = await getTeamTimeZone();
  const [page, facets] = await Promise.all([listAuditLog(filter, { timeZone }), listAuditFacets()]);
  return (
    <>
      <PageHeader title="Settings" description="Security-relevant actions, newest first." />
      <SettingsNav current="/settings/audit" isAdmin />
      <AuditFilters filter={filter} facets={facets} timeZone={timeZone} />
      <AuditTable rows={page.rows} filter={filter} nextBefore={page.nextBefore} />
    </>
  );
}
