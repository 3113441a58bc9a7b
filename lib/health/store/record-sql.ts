// The statements behind recordBatch (record.ts), as plain SQL with positional parameters, so they run
// on a Prisma transaction (scheduled checks) or straight on a pooled pg connection (the push API)
// alike. Rows travel as one JSON parameter each; every statement's cost is fixed per batch.
import type { Sql } from "@/lib/db";
import type { AlertEvent, Prisma } from "@/lib/generated/prisma/client";
import type { Level } from "./thresholds";
import { uuid7 } from "@/lib/uuid7";

/** A Prisma interactive transaction as `Sql`. */
export const sqlOfTransaction = (tx: Prisma.TransactionClient): Sql => ({
  query: <T>(text: string, values: unknown[] = []) => tx.$queryRawUnsafe<T[]>(text, ...values),
});

export type SampleRow = {
  targetId: string;
  /** Unix milliseconds: a number costs a fraction of a Date's ISO string in the JSON parameter. */
  at: number;
  metric: string;
  value: number;
  ok?: boolean;
  status?: number;
  failureKind?: string;
  failureMessage?: string;
  failureDetail?: string;
  labels?: Record<string, string>;
};

const COLUMNS = `"targetId", "at", "metric", "value", "ok", "status", "failureKind", "failureMessage", "failureDetail", "labels"`;

/**
 * The insert of one batch's samples. Plain rows (a target, an instant, a metric and a finite value,
 * nothing else: what the push API stores) travel as four compact arrays — the target's and the
 * metric's positions in short lists, the instant as milliseconds after the batch's first one — about
 * 20 bytes a row instead of ~115 as JSON, which steward has to build and write to the socket and
 * PostgreSQL has to parse. Rows with more (checks, labels) travel as one JSON parameter (absent keys are NULL).
 */
const INSERT_SAMPLES = `INSERT INTO "HealthSample" (${COLUMNS})
    SELECT ($1::uuid[])[p.t], $2::timestamptz + p.off * interval '1 millisecond', ($3::text[])[p.m], p.value, NULL, NULL, NULL, NULL, NULL, NULL
    FROM unnest($4::int[], $5::float8[], $6::int[], $7::float8[]) AS p(t, off, m, value)
    UNION ALL
    SELECT "targetId", to_timestamp("at" / 1000.0), "metric", "value", "ok", "status", "failureKind", "failureMessage", "failureDetail", "labels"
    FROM json_to_recordset($8::json) AS r("targetId" uuid, "at" float8, "metric" text, "value" float8, "ok" boolean, "status" int, "failureKind" text, "failureMessage" text, "failureDetail" text, "labels" jsonb)`;

const isPlain = (r: SampleRow) =>
  r.ok === undefined &&
  r.status === undefined &&
  r.failureKind === undefined &&
  r.failureMessage === undefined &&
  r.failureDetail === undefined &&
  r.labels === undefined &&
  Number.isFinite(r.value) &&
  Number.isFinite(r.at);

/** The parameters of INSERT_SAMPLES ($1–$8): array literals built here, so pg need not quote every element. */
export function sampleParameters(rows: SampleRow[]): unknown[] {
  const targets = new Map<string, number>();
  const metrics = new Map<string, number>();
  const t: number[] = [];
  const at: number[] = [];
  const m: number[] = [];
  const values: number[] = [];
  const other: SampleRow[] = [];
  let base = Infinity;
  for (const r of rows) {
    if (!isPlain(r)) {
      other.push(r);
      continue;
    }
    let ti = targets.get(r.targetId);
    if (ti === undefined) targets.set(r.targetId, (ti = targets.size + 1));
    let mi = metrics.get(r.metric);
    if (mi === undefined) metrics.set(r.metric, (mi = metrics.size + 1));
    t.push(ti);
    m.push(mi);
    at.push(r.at);
    values.push(r.value);
    if (r.at < base) base = r.at;
  }
  base = Math.floor(base); // whole milliseconds, as an ISO string holds them
  for (let i = 0; i < at.length; i++) at[i]! -= base;
  return [
    [...targets.keys()],
    new Date(t.length > 0 ? base : 0).toISOString(),
    [...metrics.keys()],
    `{${t.join(",")}}`,
    `{${at.join(",")}}`,
    `{${m.join(",")}}`,
    `{${values.join(",")}}`,
    JSON.stringify(other),
  ];
}

/**
 * All rows in one statement (sampleParameters), then lockTargets, in one statement (one round trip fewer per batch): the locks are
 * taken after the rows are written, as with two statements; the states are read by a later statement,
 * so under the locks with a fresh snapshot.
 */
export async function insertSamplesThenLock(sql: Sql, rows: SampleRow[], targetIds: string[]): Promise<void> {
  if (rows.length === 0) return lockTargets(sql, targetIds);
  const keys = targetIds.map((id) => `steward.health-target:${id}`);
  await sql.query(
    // Each lock's key depends on the inserted count, so no lock is taken before every row is written.
    `WITH inserted AS (${INSERT_SAMPLES} RETURNING 1)
    SELECT count(pg_advisory_xact_lock(hashtext(k) + 0 * i.n))::int AS "locked"
    FROM (SELECT count(*) AS n FROM inserted) AS i CROSS JOIN unnest($9::text[]) AS k`,
    [...sampleParameters(rows), keys],
  );
}

/** Transaction-scoped advisory locks, taken in the order given (unnest yields the array in order). */
export async function lockTargets(sql: Sql, targetIds: string[]): Promise<void> {
  const keys = targetIds.map((id) => `steward.health-target:${id}`);
  await sql.query(`SELECT count(pg_advisory_xact_lock(hashtext(k)))::int AS "locked" FROM unnest($1::text[]) AS k`, [
    keys,
  ]);
}

export type StoredState = {
  targetId: string;
  kpi: string;
  level: Level;
  consecutiveBreaches: number;
  pendingLevel: Level | null;
  lastValue: number | null;
  lastAt: Date | null;
  changedAt: Date | null;
};

export async function readStates(sql: Sql, targetIds: string[]): Promise<Map<string, StoredState>> {
  const rows = await sql.query<StoredState>(
    `SELECT "targetId"::text AS "targetId", "kpi", "level"::text AS "level", "consecutiveBreaches", "pendingLevel"::text AS "pendingLevel", "lastValue", "lastAt", "changedAt"
    FROM "HealthState" WHERE "targetId" = ANY($1::uuid[])`,
    [targetIds],
  );
  const date = (d: Date | string | null) => (d === null ? null : new Date(d));
  return new Map(
    rows.map((r) => [`${r.targetId}|${r.kpi}`, { ...r, lastAt: date(r.lastAt), changedAt: date(r.changedAt) }]),
  );
}

export type Mark = { targetId: string; metric: string; minute: string };
export type NewAlertEvent = Omit<AlertEvent, "id" | "createdAt" | "targetId"> & { targetId: string };

/**
 * Rollup marks, alert states and alert events in one statement (each part one multi-row insert or
 * upsert); returns the events as stored, in the order given.
 */
export async function writeMarksStatesEvents(
  sql: Sql,
  marks: Mark[],
  states: StoredState[],
  events: NewAlertEvent[],
): Promise<AlertEvent[]> {
  if (marks.length === 0 && states.length === 0 && events.length === 0) return [];
  const withIds = events.map((e) => ({ id: uuid7(), ...e }));
  const rows = await sql.query<AlertEvent>(
    `WITH marks AS (
      INSERT INTO "HealthRollupPending" ("targetId", "metric", "minute")
      SELECT "targetId", "metric", "minute" FROM ROWS FROM (json_to_recordset($1::json) AS ("targetId" uuid, "metric" text, "minute" timestamptz)) WITH ORDINALITY AS m("targetId", "metric", "minute", n) ORDER BY n
      ON CONFLICT ("targetId", "metric", "minute") DO UPDATE SET "version" = "HealthRollupPending"."version" + 1
    ), states AS (
      INSERT INTO "HealthState" ("targetId", "kpi", "level", "consecutiveBreaches", "pendingLevel", "lastValue", "lastAt", "changedAt")
      SELECT "targetId", "kpi", "level", "consecutiveBreaches", "pendingLevel", "lastValue", "lastAt", "changedAt"
      FROM json_to_recordset($2::json) AS s("targetId" uuid, "kpi" text, "level" "HealthLevel", "consecutiveBreaches" int, "pendingLevel" "HealthLevel", "lastValue" float8, "lastAt" timestamptz, "changedAt" timestamptz)
      ON CONFLICT ("targetId", "kpi") DO UPDATE SET "level" = EXCLUDED."level", "consecutiveBreaches" = EXCLUDED."consecutiveBreaches", "pendingLevel" = EXCLUDED."pendingLevel",
        "lastValue" = EXCLUDED."lastValue", "lastAt" = EXCLUDED."lastAt", "changedAt" = EXCLUDED."changedAt"
    )
    INSERT INTO "AlertEvent" ("id", "targetId", "targetName", "kpi", "from", "to", "value", "at")
    SELECT "id", "targetId", "targetName", "kpi", "from", "to", "value", "at"
    FROM json_to_recordset($3::json) AS e("id" uuid, "targetId" uuid, "targetName" text, "kpi" text, "from" "HealthLevel", "to" "HealthLevel", "value" float8, "at" timestamptz)
    RETURNING "id"::text AS "id", "targetId"::text AS "targetId", "targetName", "kpi", "from"::text AS "from", "to"::text AS "to", "value", "at", "createdAt"`,
    [JSON.stringify(marks), JSON.stringify(states), JSON.stringify(withIds)],
  );
  const byId = new Map(rows.map((r) => [r.id, { ...r, at: new Date(r.at), createdAt: new Date(r.createdAt) }]));
  return withIds.map((e) => byId.get(e.id)!);
}
