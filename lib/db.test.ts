// sql() / sqlTransaction(): plain SQL on the pool of `db`, one transaction per call, bounded in time.
import { describe, expect, it } from "vitest";
import { db, sql, sqlTransaction, withJitOff } from "@/lib/db";
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
  // The embedded PGlite's socket server ignores startup options, and PGlite has no JIT to turn off.
  it.skipIf(testDatabaseKind() === "pglite")("runs with JIT compilation off, through Prisma and sql()", async () => {
    const viaPrisma = await db.$queryRaw<Array<{ jit: string }>>`SELECT current_setting('jit') AS jit`;
    const viaSql = await sql().query<{ jit: string }>("SELECT current_setting('jit') AS jit");
    expect(viaPrisma).toEqual([{ jit: "off" }]);
    expect(viaSql).toEqual([{ jit: "off" }]);
  });

  it.runIf(testDatabaseKind() === "pglite")("embedded PGlite: no JIT compiler exists to compile a query", async () => {
    expect(await sql().query("SELECT pg_jit_available() AS available")).toEqual([{ available: false }]);
  });
});

describe("withJitOff", () => {
  it("adds the option after the URL's own options and keeps everything else", () => {
    const url = new URL(
      withJitOff("postgresql://u:p%40ss@db.example:5433/steward?sslmode=require&options=-c%20search_path%3Dops"),
    );
    expect(url.searchParams.get("options")).toBe("-c search_path=ops -c jit=off");
    expect(url.searchParams.get("sslmode")).toBe("require");
    expect([url.username, decodeURIComponent(url.password), url.host, url.pathname]).toEqual([
      "u",
      "p@ss",
      "db.example:5433",
      "/steward",
    ]);
    expect(withJitOff("host=/var/run/postgresql dbname=steward")).toBe("host=/var/run/postgresql dbname=steward");
  });
});
