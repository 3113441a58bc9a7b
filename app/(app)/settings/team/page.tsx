import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/current";
import { hasRole } from "@/lib/auth/roles";
import { getTeamScheduleView } from "@/lib/team/schedule";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { TeamScheduleForm } from "@/components/settings/team-schedule-form";

export const metadata: Metadata = { title: "Settings · Team" };

export default async function TeamPage() {
  const user = await requireUser();
  const isAdmin = hasRole(user.role, "admin");
  return (
    <>
      <PageHeader
        title="Settings"
        description="The team's time zone, working days, hours and holidays: used by triage clocks, checklists and monthly windows."
      />
      <SettingsNav current="/settings/team" isAdmin={isAdmin} />
      <TeamScheduleForm schedule={await getTeamScheduleView()} canEdit={isAdmin} />
    </>
  );
}
