import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/current";
import { listChannels } from "@/lib/incidents/notifications/channels";
import { listDeliveries } from "@/lib/incidents/notifications/log";
import { NotificationSettings } from "@/components/incidents/notification-settings";
import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  await requireRole("admin");
  const [channels, deliveries] = await Promise.all([listChannels(), listDeliveries()]);
  return (
    <>
      <PageHeader
        title="Settings"
        description="Where incident notifications go: signed webhooks, Slack-compatible webhooks and email."
      />
      <SettingsNav current="/settings/notifications" isAdmin />
      <NotificationSettings channels={channels} deliveries={deliveries} />
    </>
  );
}
