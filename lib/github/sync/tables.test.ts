// The column lists used for set-based writes must match the migrated tables (names and types),
// so a schema change that forgets tables.ts fails here rather than in a sync.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import * as tables from "./tables";

/** Columns written elsewhere (computed after the page's events, or set by the backstop only). */
const NOT_IN_SPEC: Record<string, string[]> = { GithubItem: ["readyForReviewAt"] };
const TYPE: Record<string, string> = {
  text: "text",
  uuid: "uuid",
  int: "int4",
  bigint: "int8",
  boolean: "bool",
  timestamptz: "timestamptz",
};

describe("table specs", () => {
  it.each(Object.values(tables).map((spec) => [spec.table, spec] as const))(
    "%s matches the database",
    async (table, spec) => {
      const columns = await db.$queryRawUnsafe<{ column_name: string; udt_name: string }[]>(
        `SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
        table,
      );
      const actual = Object.fromEntries(columns.map((c) => [c.column_name, c.udt_name]));
      const expected = Object.fromEntries(
        Object.entries(spec.columns).map(([name, type]) => [name, TYPE[type] ?? type.replaceAll('"', "")]),
      );
      for (const extra of NOT_IN_SPEC[table] ?? []) delete actual[extra];
      expect(actual).toEqual(expected);
    },
  );
});
