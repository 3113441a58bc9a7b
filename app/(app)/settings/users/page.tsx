import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/current";
import { listUsers } from "@/lib/users/queries";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { UsersPanel } from "@/components/settings/users-panel";

export const metadata: Metadata = { title: "Settings · Users" };

export default async function UsersPage() {
  const admin = await requireRole("admin");
  return (
    <>
      <PageHeader title="Settings" description="Viewers read, maintainers act, admins manage." />
      <SettingsNav current="/settings/users" isAdmin />
      <UsersPanel users={await listUsers()} currentUserId={admin.id} />
    </>
  );
}
