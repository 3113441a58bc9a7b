// Incidents from health alerts. A target going critical opens one incident per target: the insert
// relies on the partial unique index on "dedupKey" among open incidents (ON CONFLICT DO NOTHING), so
// concurrent handlers never open two. Every later alert of the target joins that incident's timeline;
// when none of its KPIs is critical any more, the incident proposes resolution (or resolves itself
// when STEWARD_INCIDENTS_AUTO_RESOLVE is true). A batch of alerts (one push or one round of checks)
// is handled in one transaction with a fixed number of statements: the targets' open incidents are
// locked and read once, the alerts replayed in time order in memory, and their timeline events
// written in one insert.
import { db, type Sql, sqlTransaction } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import type { AlertEvent } from "@/lib/generated/prisma/client";
import { sqlOfTransaction } from "@/lib/health/store/record-sql";
import { addEvents, type NewEvent } from "./timeline";
import { findSuspectChanges } from "../views/suspects";
import { resolveIncident } from "./lifecycle";
import { notifyIncident } from "./notify-hook";
import { maintenanceChecker } from "../maintenance-check";

export const dedupKeyOf = (targetId: string) => `health-target:${targetId}`;

type Outcome = { opened: string[]; joined: number; proposed: string[]; resolved: string[]; suppressed: number };

type TargetAlert = Omit<AlertEvent, "targetId"> & { targetId: string };
type OpenIncident = { id: string; resolutionProposedAt: Date | null };

/**
 * The replay runs on a plain pooled transaction (`sqlTransaction`): most batches only join open
 * incidents. Opening one also reads suspect changes through Prisma models, so a replay that must open
 * one is rolled back (`MustOpen`) and run again on a Prisma transaction, with `suspects` given.
 */
type Opening = { suspects: (at: Date) => Promise<NewEvent[]> };
class MustOpen extends Error {}

/** Inserts the target's incident unless one is open (then null): the partial unique index decides. */
async function openIncident(sql: Sql, event: TargetAlert): Promise<string | null> {
  const kind = event.kpi === "up" ? "outage" : "performance";
  const title = event.kpi === "up" ? `${event.targetName} is down` : `${event.targetName}: ${event.kpi} is critical`;
  const at = event.at.toISOString();
  const inserted = await sql.query<{ id: string }>(
    `INSERT INTO "Incident" ("id", "title", "typeKey", "severity", "dedupKey", "targetIds", "repositories", "startedAt", "detectedAt", "updatedAt")
    VALUES (gen_random_uuid(), $1, $2, 'SEV1'::"IncidentSeverity", $3, ARRAY[$4::uuid], ARRAY[]::text[], $5::timestamptz, $5::timestamptz, now())
    ON CONFLICT ("dedupKey") WHERE "resolvedAt" IS NULL AND "dedupKey" IS NOT NULL DO NOTHING RETURNING "id"::text AS "id"`,
    [title, kind, dedupKeyOf(event.targetId), event.targetId, at],
  );
  return inserted[0]?.id ?? null;
}

const alertEventOf = (event: TargetAlert): NewEvent => ({
  kind: event.to !== "ok" ? "alert_firing" : "alert_cleared",
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

type Segment = { handled: number; joined: number; opened: string[]; proposed: Array<{ id: string; at: Date }> };

/**
 * One transaction over `alerts` (time order): stops after a proposed resolution when incidents resolve
 * themselves, so the resolution happens before the target's next alert, as if they came one by one.
 */
async function handleInTransaction(
  tx: Sql,
  alerts: TargetAlert[],
  autoResolve: boolean,
  opening: Opening | null,
): Promise<Segment> {
  const targetIds = [...new Set(alerts.map((a) => a.targetId))].sort();
  // One handler per target at a time, taken in id order (no deadlocks): the replay below sees every earlier handler's writes.
  const keys = targetIds.map((id) => `steward.incident-target:${id}`);
  await tx.query(`SELECT count(pg_advisory_xact_lock(hashtext(k)))::int AS "locked" FROM unnest($1::text[]) AS k`, [
    keys,
  ]);
  const open = new Map<string, OpenIncident>();
  const initial = new Map<string, Date | null>();
  // The open incidents and which targets still have a critical KPI, in one read.
  const rows = await tx.query<{
    targetId: string;
    id: string | null;
    proposedAt: Date | string | null;
    critical: boolean;
  }>(
    `SELECT t."id"::text AS "targetId", i."id"::text AS "id", i."resolutionProposedAt" AS "proposedAt",
      EXISTS (SELECT 1 FROM "HealthState" s WHERE s."targetId" = t."id" AND s."level" = 'critical') AS "critical"
    FROM unnest($1::uuid[]) AS t("id")
    LEFT JOIN "Incident" i ON i."dedupKey" = 'health-target:' || t."id"::text AND i."resolvedAt" IS NULL`,
    [targetIds],
  );
  const stillCritical = new Set<string>();
  for (const row of rows) {
    if (row.critical) stillCritical.add(row.targetId);
    if (row.id === null) continue;
    const proposedAt = row.proposedAt === null ? null : new Date(row.proposedAt);
    open.set(row.targetId, { id: row.id, resolutionProposedAt: proposedAt });
    initial.set(row.id, proposedAt);
  }
  const events: Array<{ incidentId: string; event: NewEvent }> = [];
  const segment: Segment = { handled: 0, joined: 0, opened: [], proposed: [] };
  for (const alert of alerts) {
    segment.handled += 1;
    let incident = open.get(alert.targetId);
    let openedNow = false;
    if (!incident && alert.to === "critical") {
      if (!opening) throw new MustOpen();
      const id = await openIncident(tx, alert);
      if (id) {
        incident = { id, resolutionProposedAt: null };
        initial.set(id, null);
        openedNow = true;
        segment.opened.push(id);
        events.push({
          incidentId: id,
          event: {
            kind: "opened",
            source: "health",
            status: "investigating",
            at: alert.at,
            body: `Opened automatically: ${alert.targetName} went critical (${alert.kpi})`,
          },
        });
        for (const suspect of await opening.suspects(alert.at)) events.push({ incidentId: id, event: suspect });
      } else {
        // Opened by a handler that does not take the targets' locks (an older instance): join it.
        const [other] = await tx.query<{ id: string; proposedAt: Date | string | null }>(
          `SELECT "id"::text AS "id", "resolutionProposedAt" AS "proposedAt" FROM "Incident"
          WHERE "dedupKey" = $1 AND "resolvedAt" IS NULL LIMIT 1`,
          [dedupKeyOf(alert.targetId)],
        );
        incident = other && {
          id: other.id,
          resolutionProposedAt: other.proposedAt === null ? null : new Date(other.proposedAt),
        };
        if (incident) initial.set(incident.id, incident.resolutionProposedAt);
      }
      if (incident) open.set(alert.targetId, incident);
    }
    if (!incident) continue;
    if (!openedNow) segment.joined += 1;
    events.push({ incidentId: incident.id, event: alertEventOf(alert) });
    if (alert.to !== "ok") {
      incident.resolutionProposedAt = null;
    } else if (!stillCritical.has(alert.targetId) && incident.resolutionProposedAt === null) {
      incident.resolutionProposedAt = alert.at;
      segment.proposed.push({ id: incident.id, at: alert.at });
      events.push({
        incidentId: incident.id,
        event: {
          kind: "resolution_proposed",
          source: "health",
          at: alert.at,
          body: `All alerts of ${alert.targetName} cleared: resolution proposed`,
        },
      });
      if (autoResolve) break;
    }
  }
  await addEvents(tx, events);
  const changed = [...open.values()].filter((i) => initial.get(i.id)?.getTime() !== i.resolutionProposedAt?.getTime());
  if (changed.length > 0)
    await tx.query(
      `WITH updated AS (UPDATE "Incident" AS i SET "resolutionProposedAt" = u."proposedAt", "updatedAt" = now()
      FROM unnest($1::uuid[], $2::timestamptz[]) AS u("id", "proposedAt")
      WHERE i."id" = u."id" AND i."resolvedAt" IS NULL RETURNING 1) SELECT count(*)::int AS "updated" FROM updated`,
      [changed.map((i) => i.id), changed.map((i) => i.resolutionProposedAt?.toISOString() ?? null)],
    );
  return segment;
}

async function replaySegment(alerts: TargetAlert[], autoResolve: boolean): Promise<Segment> {
  try {
    return await sqlTransaction((sql) => handleInTransaction(sql, alerts, autoResolve, null), { timeoutMs: 30_000 });
  } catch (error) {
    if (!(error instanceof MustOpen)) throw error;
  }
  return db.$transaction(
    (tx) =>
      handleInTransaction(sqlOfTransaction(tx), alerts, autoResolve, {
        suspects: (at) => findSuspectChanges(tx, at, []),
      }),
    { timeout: 30_000, maxWait: 30_000 },
  );
}

export async function handleAlertEvents(events: AlertEvent[]): Promise<Outcome> {
  const outcome: Outcome = { opened: [], joined: 0, proposed: [], resolved: [], suppressed: 0 };
  // The maintenance windows of every target going critical, in one statement.
  const underMaintenance = maintenanceChecker([
    ...new Set(events.flatMap((e) => (e.to === "critical" && e.targetId ? [e.targetId] : []))),
  ]);
  const alerts: TargetAlert[] = [];
  for (const event of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const targetId = event.targetId;
    if (!targetId) continue;
    if (event.to === "critical" && (await underMaintenance(targetId, event.at))) outcome.suppressed += 1;
    else alerts.push({ ...event, targetId });
  }
  const autoResolve = getEnv().STEWARD_INCIDENTS_AUTO_RESOLVE;
  for (let rest = alerts; rest.length > 0;) {
    const segment = await replaySegment(rest, autoResolve);
    rest = rest.slice(segment.handled);
    outcome.joined += segment.joined;
    for (const id of segment.opened) {
      outcome.opened.push(id);
      await notifyIncident("opened", id);
    }
    for (const { id, at } of segment.proposed) {
      outcome.proposed.push(id);
      if (!autoResolve) continue;
      await resolveIncident({ actor: null, now: at }, id, {
        message: "Resolved automatically: all alerts cleared.",
      });
      outcome.resolved.push(id);
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
