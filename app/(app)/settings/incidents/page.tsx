import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/current";
import { getAutoOpenConfig } from "@/lib/incidents/github/settings";
import { getIncidentTypes } from "@/lib/incidents/types";
import { AutoOpenSettingsForm } from "@/components/incidents/auto-open-settings";
import { IncidentTypesSettings } from "@/components/incidents/incident-types-settings";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Incident settings" };

export default async function IncidentSettingsPage() {
  await requireRole("admin");
  const [config, types] = await Promise.all([getAutoOpenConfig(), getIncidentTypes()]);
  return (
    <>
      <PageHeader
        title="Settings"
        description="Incident types with their response targets, and which GitHub events open an incident by themselves."
      />
      <SettingsNav current="/settings/incidents" isAdmin />
      <div className="space-y-6">
        <IncidentTypesSettings types={types} />
        <AutoOpenSettingsForm initial={config} types={types.map((t) => ({ key: t.key, label: t.label }))} />
      </div>
    </>
  );
}
