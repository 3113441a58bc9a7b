import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/current";
import { getAutoOpenConfig } from "@/lib/incidents/github/settings";
import { getIncidentTypes } from "@/lib/incidents/types";
import { AutoOpenSettingsForm } from "@/components/incidents/auto-open-settings";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Incident settings" };

export default async function IncidentSettingsPage() {
  await requireRole("admin");
  const [config, types] = await Promise.all([getAutoOpenConfig(), getIncidentTypes()]);
  return (
    <>
      <PageHeader title="Settings" description="Which GitHub events open an incident by themselves." />
      <SettingsNav current="/settings/incidents" isAdmin />
      <AutoOpenSettingsForm initial={config} types={types.map((t) => ({ key: t.key, label: t.label }))} />
    </>
  );
}
