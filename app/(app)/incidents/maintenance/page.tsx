import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/current";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { listMaintenance } from "@/lib/incidents/maintenance";
import { getTeamSchedule } from "@/lib/team/schedule";
import { MaintenanceList } from "@/components/incidents/maintenance-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Maintenance" };

export default async function MaintenancePage() {
  const user = await requireUser();
  const [windows, targets, schedule] = await Promise.all([
    listMaintenance(),
    db.healthTarget.findMany({ select: { id: true, name: true, serviceGroup: true }, orderBy: { name: "asc" } }),
    getTeamSchedule(),
  ]);
  return (
    <>
      <PageHeader
        title="Maintenance windows"
        description="While a window runs, its targets' alerts open no incident, and the status page counts those hours as maintenance."
        actions={
          <Link href="/incidents" className="text-sm underline">
            ← Board
          </Link>
        }
      />
      <MaintenanceList
        windows={windows}
        targets={targets}
        canAct={hasRole(user.role, "maintainer")}
        timeZone={schedule.timeZone}
      />
    </>
  );
}
