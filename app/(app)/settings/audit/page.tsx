import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/current";
import { listAuditLog } from "@/lib/audit/queries";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { AuditTable } from "@/components/settings/audit-table";

export const metadata: Metadata = { title: "Settings · Audit log" };

export default async function AuditPage() {
  await requireRole("admin");
  return (
    <>
      <PageHeader title="Settings" description="Security-relevant actions, newest first." />
      <SettingsNav current="/settings/audit" isAdmin />
      <AuditTable rows={await listAuditLog()} />
    </>
  );
}
