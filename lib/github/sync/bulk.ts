// Set-based writes for sync pages: one statement per table and page instead of one per row.
// Rows travel as one JSON parameter (json_to_recordset), which works the same on PostgreSQL and
// PGlite. Table and column names come from the specs below, never from data.
import type { Prisma } from "@/lib/generated/prisma/client";

export type Tx = Prisma.TransactionClient;
export type Row = Record<string, unknown>;

export interface TableSpec {
  table: string;
  key: string[];
  /** Column → PostgreSQL type as json_to_recordset must cast it. */
  columns: Record<string, string>;
}

const q = (name: string) => `"${name}"`;

export const notNull = <T>(value: T | null): value is T => value !== null;
const CHUNK = 2000;

function uniqueByKey(spec: TableSpec, rows: Row[]): Row[] {
  const byKey = new Map<string, Row>();
  for (const row of rows) byKey.set(JSON.stringify(spec.key.map((k) => row[k])), row);
  return [...byKey.values()];
}

/** Inserts or updates rows by key; rows whose values are unchanged are not rewritten. */
export async function upsertRows(tx: Tx, spec: TableSpec, rows: Row[]): Promise<number> {
  if (rows.length === 0) return 0;
  const names = Object.keys(spec.columns);
  const cols = names.map(q).join(", ");
  const types = names.map((n) => `${q(n)} ${spec.columns[n]}`).join(", ");
  const updatable = names.filter((n) => !spec.key.includes(n));
  const set = updatable.map((n) => `${q(n)} = EXCLUDED.${q(n)}`).join(", ");
  const changed = `(${updatable.map((n) => `${q(spec.table)}.${q(n)}`).join(", ")}) IS DISTINCT FROM (${updatable.map((n) => `EXCLUDED.${q(n)}`).join(", ")})`;
  const sql = `INSERT INTO ${q(spec.table)} (${cols}) SELECT ${cols} FROM json_to_recordset($1::json) AS x(${types})
    ON CONFLICT (${spec.key.map(q).join(", ")}) ${updatable.length ? `DO UPDATE SET ${set} WHERE ${changed}` : "DO NOTHING"}`;
  const unique = uniqueByKey(spec, rows);
  let written = 0;
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK).map((row) => Object.fromEntries(names.map((n) => [n, row[n] ?? null])));
    written += await tx.$executeRawUnsafe(sql, JSON.stringify(chunk));
  }
  return written;
}

/**
 * Deletes the rows of `scope` (e.g. the items of a page) that are not in `keep`: how a complete
 * list from GitHub (an item's labels, a thread's comments) replaces what was stored.
 */
export async function deleteMissing(
  tx: Tx,
  spec: TableSpec,
  scope: { column: string; values: string[] },
  keep: Row[],
): Promise<number> {
  if (scope.values.length === 0) return 0;
  const key = spec.key;
  const types = key.map((k) => `${q(k)} ${spec.columns[k]}`).join(", ");
  const match = key.map((k) => `k.${q(k)} = t.${q(k)}`).join(" AND ");
  const scopeType = spec.columns[scope.column] ?? "text";
  // Materialized, so the kept keys are parsed once and hash-joined rather than re-read per row.
  const sql = `WITH keep AS MATERIALIZED (SELECT * FROM json_to_recordset($2::json) AS k(${types})),
      scope AS MATERIALIZED (SELECT value::${scopeType} AS v FROM json_array_elements_text($1::json))
    DELETE FROM ${q(spec.table)} t
    WHERE t.${q(scope.column)} IN (SELECT v FROM scope)
      AND NOT EXISTS (SELECT 1 FROM keep k WHERE ${match})`;
  const keys = keep.map((row) => Object.fromEntries(key.map((k) => [k, row[k] ?? null])));
  return tx.$executeRawUnsafe(sql, JSON.stringify(scope.values), JSON.stringify(keys));
}
