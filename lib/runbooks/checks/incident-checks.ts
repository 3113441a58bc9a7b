// "Check open incidents" bound to the incident board (steward's own data, so always connected).
import { db } from "@/lib/db";
import type { CheckContext, CheckResult } from "./ids";

export async function openIncidentsCheck(ctx: CheckContext): Promise<CheckResult> {
  const ids = ctx.scope?.incidentIds;
  const open = await db.incident.count({ where: { resolvedAt: null, ...(ids ? { id: { in: ids } } : {}) } });
  const display = `${open} open incident${open === 1 ? "" : "s"}`;
  return {
    id: "incidents.open",
    status: open === 0 ? "pass" : "fail",
    value: open,
    display,
    evidenceUrl: "/incidents",
  };
}
