// One incident per GitHub origin, ever: the insert relies on the unique index on "originKey"
// (ON CONFLICT DO NOTHING), so a re-sync, a duplicate webhook or two workers at once never open a second one.
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addEvent } from "../lifecycle/timeline";
import { findSuspectChanges } from "../views/suspects";
import { notifyIncident } from "../lifecycle/notify-hook";
import type { Severity } from "../schemas";

export type Origin = {
  key: string;
  title: string;
  type: string;
  severity: Severity;
  startedAt: Date;
  detectedAt: Date;
  repository: string;
  body: string;
  url: string | null;
  /** The P0 issue that opened it: linked as a related item ("origin"). */
  item?: { id: string; number: number; kind: string; title: string; url: string; state: string };
};

async function insert(tx: Prisma.TransactionClient, o: Origin): Promise<string | null> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "Incident" ("id", "title", "typeKey", "severity", "originKey", "targetIds", "repositories", "startedAt", "detectedAt", "updatedAt")
    VALUES (gen_random_uuid(), ${o.title.slice(0, 200)}, ${o.type}, ${o.severity}::"IncidentSeverity", ${o.key}, ARRAY[]::uuid[],
      ARRAY[${o.repository}]::text[], ${o.startedAt}, ${o.detectedAt}, now())
    ON CONFLICT ("originKey") DO NOTHING RETURNING "id"`;
  return rows[0]?.id ?? null;
}

/** Opens the incident of `origin` unless one was ever opened for it; returns its id when it opened one. */
export async function openFromOrigin(o: Origin): Promise<string | null> {
  const id = await db.$transaction(async (tx) => {
    const incidentId = await insert(tx, o);
    if (!incidentId) return null;
    await addEvent(tx, incidentId, {
      kind: "opened",
      source: "github",
      status: "investigating",
      at: o.detectedAt,
      body: o.body,
      detail: o.url ? { url: o.url, origin: o.key } : { origin: o.key },
    });
    if (o.item) {
      await tx.incidentLink.create({
        data: {
          incidentId,
          itemId: o.item.id,
          repoKey: o.repository,
          number: o.item.number,
          kind: o.item.kind,
          title: o.item.title.slice(0, 300),
          url: o.item.url,
          state: o.item.state,
          how: "origin",
        },
      });
    }
    for (const suspect of await findSuspectChanges(tx, o.startedAt, [o.repository]))
      await addEvent(tx, incidentId, suspect);
    await recordAudit(
      { action: "incident.auto_opened", actorId: null, target: incidentId, detail: { origin: o.key, type: o.type } },
      tx,
    );
    return incidentId;
  });
  if (id) await notifyIncident("opened", id);
  return id;
}
