// Incidents and a year of checklist runs for bench:pages, through steward's own operations where they
// exist (runbook import, activation, the run scheduler) and in bulk SQL for the history (completions
// and sign-offs of past runs). Needs DATABASE_URL set before @/lib/db is imported.
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/request";
import { importRunbook } from "@/lib/runbooks/store/save-import";
import { setRunbookActive } from "@/lib/runbooks/store/config";
import { BACKFILL_MS, ensureDueRuns } from "@/lib/runbooks/recurrence/ensure-runs";
import { getTeamSchedule } from "@/lib/team/schedule";
import { TEMPLATE_IDS } from "@/lib/runbooks/schemas";
import { getIncidentTypes } from "@/lib/incidents/types";
import type { IncidentSeverity, IncidentStatus } from "@/lib/generated/prisma/client";

const DAY = 86_400_000;
const MIN = 60_000;

/** `count` incidents over the last year: the newest eight open (one per status and severity), the rest resolved. */
export async function insertIncidents(count: number, targetIds: string[], now: Date): Promise<void> {
  const types = (await getIncidentTypes()).map((t) => t.key);
  const statuses: IncidentStatus[] = ["investigating", "identified", "monitoring"];
  const severities: IncidentSeverity[] = ["SEV1", "SEV2", "SEV3"];
  const data = Array.from({ length: count }, (_, i) => {
    const open = i < 8;
    const started = new Date(now.getTime() - (open ? i * 3 * 3_600_000 : (i / count) * 365 * DAY));
    const at = (minutes: number) => new Date(started.getTime() + minutes * MIN);
    return {
      title: `Bench incident ${i + 1}`,
      typeKey: types[i % types.length]!,
      severity: severities[i % 3]!,
      status: open ? statuses[i % 3]! : ("resolved" as const),
      commanderName: "Bench Commander",
      startedAt: started,
      detectedAt: at(2),
      acknowledgedAt: open && i % 2 === 0 ? null : at(5 + (i % 20)),
      acknowledgedByName: open && i % 2 === 0 ? null : "bench",
      mitigatedAt: open ? null : at(60 + (i % 90)),
      resolvedAt: open ? null : at(120 + (i % 600)),
      targetIds: targetIds.length ? [targetIds[i % targetIds.length]!] : [],
      repositories: ["bench/metrics"],
    };
  });
  await db.incident.createMany({ data });
  const incidents = await db.incident.findMany({ select: { id: true, startedAt: true } });
  await db.incidentEvent.createMany({
    data: incidents.flatMap((inc) =>
      [0, 5, 30].map((m, k) => ({
        incidentId: inc.id,
        kind: "note",
        source: "person",
        body: `Bench update ${k + 1}`,
        actorName: "bench",
        at: new Date(inc.startedAt.getTime() + m * MIN),
      })),
    ),
  });
}

/** The built-in runbook templates active for a year, their runs created by the scheduler and the past ones signed off. */
export async function insertChecklistYear(now: Date): Promise<number> {
  const actor: Actor = { id: null, username: "bench", ip: "127.0.0.1" };
  const start = new Date(now.getTime() - 365 * DAY);
  for (const template of TEMPLATE_IDS) {
    const out = await importRunbook({ actor, now: start }, { template, activate: false });
    await setRunbookActive({ actor, now: start }, out.id, true);
  }
  const schedule = await getTeamSchedule();
  const step = BACKFILL_MS - 2 * DAY;
  for (let t = start.getTime() + step; ; t += step) {
    await ensureDueRuns({ now: new Date(Math.min(t, now.getTime())), schedule });
    if (t >= now.getTime()) break;
  }
  return signOffPastRuns(now);
}

/** A reused data set: the runs due since it was built are made (as the scheduler would) and the past ones signed off. */
export async function refreshChecklistRuns(now: Date): Promise<number> {
  await ensureDueRuns({ now, schedule: await getTeamSchedule() });
  return signOffPastRuns(now);
}

/** Completes and signs off every run due more than two days ago that is not signed off yet. */
async function signOffPastRuns(now: Date): Promise<number> {
  const before = new Date(now.getTime() - 2 * DAY);
  await db.$executeRaw`INSERT INTO "ChecklistCompletion" (id, "runId", "itemId", status, source, "byName", at)
    SELECT gen_random_uuid(), r.id, i.id, 'done', 'manual', 'bench', r."dueAt" - interval '1 hour'
    FROM "ChecklistRun" r JOIN "RunbookItem" i ON i."sectionId" = r."sectionId" AND i."removedAt" IS NULL
    WHERE r."dueAt" < ${before}::timestamptz AND r."signedOffAt" IS NULL`;
  await db.$executeRaw`INSERT INTO "ChecklistSignOff" (id, "runId", "byName", at, summary)
    SELECT gen_random_uuid(), r.id, 'bench', r."dueAt" - interval '30 minutes', '{"items":1,"done":1,"skipped":0,"automatic":0}'::jsonb
    FROM "ChecklistRun" r WHERE r."dueAt" < ${before}::timestamptz AND r."signedOffAt" IS NULL`;
  await db.$executeRaw`UPDATE "ChecklistRun" SET "signedOffAt" = "dueAt" - interval '30 minutes' WHERE "dueAt" < ${before}::timestamptz AND "signedOffAt" IS NULL`;
  return db.checklistRun.count();
}
