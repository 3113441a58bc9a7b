import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/current";
import { getStatusPageSettings } from "@/lib/incidents/status-page";
import { StatusPageSettingsForm } from "@/components/incidents/status-page-settings";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Status page" };

export default async function StatusPageSettingsPage() {
  await requireRole("admin");
  const s = await getStatusPageSettings();
  return (
    <>
      <PageHeader title="Settings" description="The optional public status page." />
      <SettingsNav current="/settings/status-page" isAdmin />
      <StatusPageSettingsForm initial={{ enabled: s.enabled, title: s.title, serviceGroups: s.serviceGroups }} />
    </>
  );
}
