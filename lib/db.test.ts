// sql() / sqlTransaction(): plain SQL on the pool of `db`, one transaction per call, bounded in time.
import { describe, expect, it } from "vitest";
import { db, sql, sqlTransaction } from "@/lib/db";
import { testDatabaseKind } from "@/lib/testing/databases";

describe("sqlTransaction", () => {
  it("commits what work wrote, and rolls all of it back when work throws", async () => {
    const key = `db-test-${Math.random().toString(36).slice(2)}`;
    await sql().query("CREATE TABLE IF NOT EXISTS db_test_rows (key text NOT NULL, n int NOT NULL)");
    await sqlTransaction((tx) => tx.query("INSERT INTO db_test_rows VALUES ($1, 1)", [key]));
    await expect(
      sqlTransaction(async (tx) => {
        await tx.query("INSERT INTO db_test_rows VALUES ($1, 2)", [key]);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await sql().query("SELECT n FROM db_test_rows WHERE key = $1", [key])).toEqual([{ n: 1 }]);
  });

  // PGlite runs statements on the JavaScript thread, so nothing can interrupt a running one there.
  it.skipIf(testDatabaseKind() === "pglite")("cancels a statement that runs past its time limit", async () => {
    await expect(sqlTransaction((tx) => tx.query("SELECT pg_sleep(30)"), { timeoutMs: 300 })).rejects.toThrow(
      /statement timeout/,
    );
  });
});

describe("every connection of the pool", () => {
  it("runs with JIT compilation off, through Prisma and through sql()", async () => {
    const viaPrisma = await db.$queryRaw<Array<{ jit: string }>>`SELECT current_setting('jit') AS jit`;
    const viaSql = await sql().query<{ jit: string }>("SELECT current_setting('jit') AS jit");
    expect(viaPrisma).toEqual([{ jit: "off" }]);
    expect(viaSql).toEqual([{ jit: "off" }]);
  });
});
