import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current";
import { getSystemStatus } from "@/lib/system/queries";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { SystemStatusView } from "@/components/settings/system-status";
import { SetupPanel } from "@/components/setup/setup-panel";

export const metadata: Metadata = { title: "Settings · System" };

export default async function SettingsPage() {
  const user = await requireUser();
  return (
    <>
      <PageHeader title="Settings" description="How this steward is set up." />
      <SettingsNav current="/settings" isAdmin={user.role === "admin"} />
      <SetupPanel canConfigure={user.role === "admin"} />
      <SystemStatusView status={await getSystemStatus()} />
    </>
  );
}
