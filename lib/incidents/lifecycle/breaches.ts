// Response-target breaches: an open, unacknowledged incident past startedAt + the type's response
// target gets "responseBreachedAt" once (a conditional UPDATE … RETURNING) and a timeline event.
import { db } from "@/lib/db";
import { addEvent } from "./timeline";
import { getIncidentTypes } from "../types";
import { notifyIncident } from "./notify-hook";

export async function recordResponseBreaches(now: Date = new Date()): Promise<{ breached: number }> {
  await getIncidentTypes(); // makes sure the default types exist
  const rows = await db.$queryRaw<Array<{ id: string; breachedAt: Date; responseMinutes: number }>>`
    UPDATE "Incident" i SET "responseBreachedAt" = i."startedAt" + t."responseMinutes" * interval '1 minute'
    FROM "IncidentType" t
    WHERE t."key" = i."typeKey" AND i."responseBreachedAt" IS NULL AND i."resolvedAt" IS NULL AND i."acknowledgedAt" IS NULL
      AND i."startedAt" + t."responseMinutes" * interval '1 minute' <= ${now}
    RETURNING i."id", i."responseBreachedAt" AS "breachedAt", t."responseMinutes" AS "responseMinutes"`;
  for (const row of rows) {
    await addEvent(db, row.id, {
      kind: "response_breached",
      source: "system",
      at: row.breachedAt,
      body: `Response target of ${row.responseMinutes} min passed without acknowledgement`,
    });
    await notifyIncident("response_breached", row.id);
  }
  return { breached: rows.length };
}
