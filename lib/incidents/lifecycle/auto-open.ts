// Incidents from health alerts. A target going critical opens one incident per target: the insert
// relies on the partial unique index on "dedupKey" among open incidents (ON CONFLICT DO NOTHING), so
// concurrent handlers never open two. Every later alert of the target joins that incident's timeline;
// when none of its KPIs is critical any more, the incident proposes resolution (or resolves itself
// when STEWARD_INCIDENTS_AUTO_RESOLVE is true).
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import type { AlertEvent, Prisma } from "@/lib/generated/prisma/client";
import { addEvent } from "./timeline";
import { findSuspectChanges } from "../views/suspects";
import { resolveIncident } from "./lifecycle";
import { notifyIncident } from "./notify-hook";
import { isUnderMaintenance } from "../maintenance-check";

export const dedupKeyOf = (targetId: string) => `health-target:${targetId}`;

type Outcome = { opened: string[]; joined: number; proposed: string[]; resolved: string[]; suppressed: number };

type TargetAlert = Omit<AlertEvent, "targetId"> & { targetId: string };

async function openOrJoin(
  tx: Prisma.TransactionClient,
  event: TargetAlert,
): Promise<{ id: string; opened: boolean } | null> {
  const key = dedupKeyOf(event.targetId);
  if (event.to === "critical") {
    const kind = event.kpi === "up" ? "outage" : "performance";
    const title = event.kpi === "up" ? `${event.targetName} is down` : `${event.targetName}: ${event.kpi} is critical`;
    const inserted = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "Incident" ("id", "title", "typeKey", "severity", "dedupKey", "targetIds", "repositories", "startedAt", "detectedAt", "updatedAt")
      VALUES (gen_random_uuid(), ${title}, ${kind}, 'SEV1'::"IncidentSeverity", ${key}, ARRAY[${event.targetId}::uuid], ARRAY[]::text[], ${event.at}, ${event.at}, now())
      ON CONFLICT ("dedupKey") WHERE "resolvedAt" IS NULL AND "dedupKey" IS NOT NULL DO NOTHING RETURNING "id"`;
    const id = inserted[0]?.id;
    if (id) {
      await addEvent(tx, id, {
        kind: "opened",
        source: "health",
        status: "investigating",
        at: event.at,
        body: `Opened automatically: ${event.targetName} went critical (${event.kpi})`,
      });
      for (const suspect of await findSuspectChanges(tx, event.at, [])) await addEvent(tx, id, suspect);
      return { id, opened: true };
    }
  }
  const open = await tx.incident.findFirst({ where: { dedupKey: key, resolvedAt: null }, select: { id: true } });
  return open ? { id: open.id, opened: false } : null;
}

export async function handleAlertEvents(events: AlertEvent[]): Promise<Outcome> {
  const outcome: Outcome = { opened: [], joined: 0, proposed: [], resolved: [], suppressed: 0 };
  for (const event of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const targetId = event.targetId;
    if (!targetId) continue;
    const withTarget: TargetAlert = { ...event, targetId };
    if (event.to === "critical" && (await isUnderMaintenance(targetId, event.at))) {
      outcome.suppressed += 1;
      continue;
    }
    const result = await db.$transaction(async (tx) => {
      const incident = await openOrJoin(tx, withTarget);
      if (!incident) return null;
      const firing = event.to !== "ok";
      await addEvent(tx, incident.id, {
        kind: firing ? "alert_firing" : "alert_cleared",
        source: "health",
        at: event.at,
        body: `${event.targetName}: ${event.kpi} ${event.from ?? "pending"} → ${event.to} (value ${event.value})`,
        detail: {
          alertEventId: event.id,
          targetId: event.targetId,
          kpi: event.kpi,
          from: event.from,
          to: event.to,
          value: event.value,
        },
      });
      let proposed = false;
      if (firing) {
        await tx.incident.updateMany({
          where: { id: incident.id, resolutionProposedAt: { not: null } },
          data: { resolutionProposedAt: null },
        });
      } else {
        const stillCritical = await tx.healthState.count({ where: { targetId, level: "critical" } });
        if (stillCritical === 0) {
          const marked = await tx.incident.updateMany({
            where: { id: incident.id, resolutionProposedAt: null, resolvedAt: null },
            data: { resolutionProposedAt: event.at },
          });
          if (marked.count === 1) {
            proposed = true;
            await addEvent(tx, incident.id, {
              kind: "resolution_proposed",
              source: "health",
              at: event.at,
              body: `All alerts of ${event.targetName} cleared: resolution proposed`,
            });
          }
        }
      }
      return { ...incident, proposed };
    });
    if (!result) continue;
    if (result.opened) {
      outcome.opened.push(result.id);
      await notifyIncident("opened", result.id);
    } else outcome.joined += 1;
    if (result.proposed) {
      outcome.proposed.push(result.id);
      if (getEnv().STEWARD_INCIDENTS_AUTO_RESOLVE) {
        await resolveIncident({ actor: null, now: event.at }, result.id, {
          message: "Resolved automatically: all alerts cleared.",
        });
        outcome.resolved.push(result.id);
      }
    }
  }
  return outcome;
}

/** Called by the health checks and the push API after their transaction; never throws. */
export async function afterAlertEvents(events: AlertEvent[]): Promise<void> {
  if (events.length === 0) return;
  try {
    await handleAlertEvents(events);
  } catch (error) {
    logger.error("incidents: alert events could not be handled", { error });
  }
}
