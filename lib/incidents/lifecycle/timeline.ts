// Writing timeline events: one place, so every event has a kind, a source and a time.
import type { IncidentStatus, Prisma } from "@/lib/generated/prisma/client";
import type { Sql } from "@/lib/db";
import { uuid7 } from "@/lib/uuid7";

export type EventKind =
  | "update"
  | "note"
  | "opened"
  | "acknowledged"
  | "status"
  | "alert_firing"
  | "alert_cleared"
  | "suspect_release"
  | "suspect_ci"
  | "response_breached"
  | "resolution_proposed"
  | "resolved"
  | "edited"
  | "postmortem"
  | "notification"
  | "related_linked"
  | "related_unlinked"
  | "related_closed"
  | "related_reopened"
  | "related_merged"
  | "related_changed";
export type EventSource = "person" | "health" | "github" | "system";

export type NewEvent = {
  kind: EventKind;
  source: EventSource;
  body: string;
  at: Date;
  status?: IncidentStatus;
  public?: boolean;
  actorId?: string | null;
  actorName?: string | null;
  detail?: Prisma.InputJsonValue;
};

const rowOf = (incidentId: string, e: NewEvent) => ({
  incidentId,
  kind: e.kind,
  source: e.source,
  body: e.body,
  at: e.at,
  status: e.status,
  public: e.public ?? false,
  actorId: e.actorId ?? null,
  actorName: e.actorName ?? null,
  detail: e.detail,
});

export async function addEvent(tx: Prisma.TransactionClient, incidentId: string, e: NewEvent) {
  return tx.incidentEvent.create({ data: rowOf(incidentId, e) });
}

/** Several events in one statement; their ids (uuid v7, made in order) keep the given order among equal times. */
export async function addEvents(sql: Sql, events: Array<{ incidentId: string; event: NewEvent }>) {
  if (events.length === 0) return;
  // Plain SQL: a model createMany is compiled anew for every row count (alert bursts on the push path).
  const rows = events.map((e) => ({ id: uuid7(), ...rowOf(e.incidentId, e.event) }));
  await sql.query(
    `WITH added AS (INSERT INTO "IncidentEvent" ("id", "incidentId", "kind", "source", "status", "body", "public", "actorId", "actorName", "at", "detail")
    SELECT "id", "incidentId", "kind", "source", "status", "body", "public", "actorId", "actorName", "at", "detail"
    FROM ROWS FROM (json_to_recordset($1::json) AS ("id" uuid, "incidentId" uuid, "kind" text, "source" text, "status" "IncidentStatus", "body" text, "public" boolean, "actorId" text, "actorName" text, "at" timestamptz, "detail" jsonb))
      WITH ORDINALITY AS e("id", "incidentId", "kind", "source", "status", "body", "public", "actorId", "actorName", "at", "detail", n)
    ORDER BY n RETURNING 1) SELECT count(*)::int AS "added" FROM added`,
    [JSON.stringify(rows)],
  );
}
