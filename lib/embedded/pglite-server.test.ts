import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./pglite-server";

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "steward-pglite-"));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Rejects instead of hanging when the server is wedged, so the failure says what happened. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)),
  ]);
}

describe("one in-memory server, many clients", () => {
  let server: EmbeddedPostgres;
  beforeAll(async () => {
    server = await startEmbeddedPostgres();
    const client = new pg.Client(server.url);
    await client.connect();
    await client.query("CREATE TABLE item (id serial PRIMARY KEY, worker text NOT NULL, n int NOT NULL)");
    await client.end();
  });
  afterAll(() => server.stop());

  test("COPY FROM STDIN is refused with a clear error, and the connection goes on working", async () => {
    const client = new pg.Client(server.url);
    await client.connect();
    try {
      await expect(within(5_000, "COPY", client.query("COPY item (worker, n) FROM STDIN"))).rejects.toMatchObject({
        code: "0A000",
        message: expect.stringMatching(/not supported by the embedded database/),
      });
      await expect(
        within(5_000, "COPY (extended)", client.query({ name: "copy-in", text: "copy item (worker, n) from stdin" })),
      ).rejects.toMatchObject({ code: "0A000" });
      // The words in a parameter value are data, not a statement.
      const { rows } = await within(
        5_000,
        "SELECT",
        client.query<{ t: string }>("SELECT $1::text AS t", ["COPY item FROM STDIN"]),
      );
      expect(rows).toEqual([{ t: "COPY item FROM STDIN" }]);
    } finally {
      await client.end();
    }
  });

  test("2 pools x 8 workers of parameterized queries and transactions: every answer right, no errors", async () => {
    const pools = [
      new pg.Pool({ connectionString: server.url, max: 8 }),
      new pg.Pool({ connectionString: server.url, max: 8 }),
    ];
    const errors: string[] = [];
    const iterations = 300;
    const everyTx = 25;
    await Promise.all(
      pools.flatMap((pool, p) =>
        Array.from({ length: 8 }, async (_, w) => {
          const worker = `p${p}w${w}`;
          for (let i = 0; i < iterations; i++) {
            try {
              const { rows } = await pool.query<{ n: number; tag: string }>(
                "SELECT $1::int + 1 AS n, $2::text AS tag",
                [i, worker],
              );
              if (rows[0]?.n !== i + 1 || rows[0]?.tag !== worker)
                errors.push(`${worker}#${i}: got ${JSON.stringify(rows)}`);
              if (i % everyTx === 0) await insertInTransaction(pool, worker, i, errors);
            } catch (error) {
              errors.push(`${worker}#${i}: ${String(error)}`);
            }
          }
        }),
      ),
    );
    const { rows } = await pools[0]!.query<{ worker: string; count: number }>(
      "SELECT worker, count(*)::int AS count FROM item GROUP BY worker",
    );
    await Promise.all(pools.map((pool) => pool.end()));
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(16);
    for (const row of rows) expect(row.count).toBe(iterations / everyTx);
  });

  test("a statement from B waits while A is inside a transaction, then sees A's committed row", async () => {
    const [a, b] = [new pg.Client(server.url), new pg.Client(server.url)];
    await Promise.all([a.connect(), b.connect()]);
    await a.query("BEGIN");
    await a.query("INSERT INTO item (worker, n) VALUES ('isolation', 1)");
    let settled = false;
    const seenByB = b
      .query<{ count: number }>("SELECT count(*)::int AS count FROM item WHERE worker = 'isolation'")
      .finally(() => {
        settled = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    await a.query("COMMIT");
    expect((await within(5_000, "B after A's commit", seenByB)).rows[0]?.count).toBe(1);
    await Promise.all([a.end(), b.end()]);
  });

  test("a client that dies inside a transaction is rolled back and does not wedge the server", async () => {
    const socket = new Socket();
    const doomed = new pg.Client({ connectionString: server.url, stream: () => socket });
    doomed.on("error", () => undefined);
    await doomed.connect();
    await doomed.query("BEGIN");
    await doomed.query("INSERT INTO item (worker, n) VALUES ('ghost', 1)");
    const survivor = new pg.Client(server.url);
    await survivor.connect();
    const waiting = survivor.query<{ count: number }>("SELECT count(*)::int AS count FROM item WHERE worker = 'ghost'");
    socket.destroy(); // no ROLLBACK, no Terminate: the process just went away
    expect((await within(5_000, "query queued behind the dead client", waiting)).rows[0]?.count).toBe(0);
    await within(
      5_000,
      "a new transaction",
      survivor.query("BEGIN; INSERT INTO item (worker, n) VALUES ('after', 1); COMMIT"),
    );
    const { rows } = await survivor.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM item WHERE worker IN ('ghost', 'after')",
    );
    expect(rows[0]?.count).toBe(1);
    await survivor.end();
  });
});

async function insertInTransaction(pool: pg.Pool, worker: string, i: number, errors: string[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const before = await client.query<{ count: number }>("SELECT count(*)::int AS count FROM item WHERE worker = $1", [
      worker,
    ]);
    await client.query("INSERT INTO item (worker, n) VALUES ($1, $2)", [worker, i]);
    const after = await client.query<{ count: number }>("SELECT count(*)::int AS count FROM item WHERE worker = $1", [
      worker,
    ]);
    await client.query("COMMIT");
    if (after.rows[0]?.count !== (before.rows[0]?.count ?? -1) + 1)
      errors.push(`${worker}#${i}: count inside transaction did not grow by one`);
  } finally {
    client.release();
  }
}

describe("data directory", () => {
  test("a second server on the same directory fails with a clear message; the lock goes on stop", async () => {
    const dir = tempDir();
    const first = await startEmbeddedPostgres({ dataDir: dir });
    try {
      expect(readFileSync(join(dir, "steward.lock"), "utf8").trim()).toBe(String(process.pid));
      const second = startEmbeddedPostgres({ dataDir: dir });
      await expect(second).rejects.toThrow(`is in use by process ${process.pid}`);
      await expect(second).rejects.toThrow(/Only one steward server may use an embedded data directory.*DATABASE_URL/);
    } finally {
      await first.stop();
    }
    expect(existsSync(join(dir, "steward.lock"))).toBe(false);
  });

  test("a lock left by a dead process is taken over", async () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    expect(() => process.kill(dead, 0)).toThrow(); // really gone
    writeFileSync(join(dir, "steward.lock"), `${dead}\n`);
    const server = await startEmbeddedPostgres({ dataDir: dir });
    expect(readFileSync(join(dir, "steward.lock"), "utf8").trim()).toBe(String(process.pid));
    await server.stop();
  });

  test("an unusable directory is reported as such", async () => {
    const file = join(tempDir(), "a-file");
    writeFileSync(file, "");
    await expect(startEmbeddedPostgres({ dataDir: join(file, "data") })).rejects.toThrow(
      `STEWARD_DATA_DIR ${join(file, "data")} is not writable: `,
    );
  });

  test("data survives stop and start", async () => {
    const dir = tempDir();
    const first = await startEmbeddedPostgres({ dataDir: dir });
    const writer = new pg.Client(first.url);
    await writer.connect();
    await writer.query("CREATE TABLE kept (note text)");
    await writer.query("INSERT INTO kept VALUES ($1)", ["still here"]);
    await writer.end();
    await first.stop();
    expect(existsSync(join(dir, "pgdata", "PG_VERSION"))).toBe(true);

    const second = await startEmbeddedPostgres({ dataDir: dir });
    const reader = new pg.Client(second.url);
    await reader.connect();
    const { rows } = await reader.query<{ note: string }>("SELECT note FROM kept");
    await reader.end();
    await second.stop();
    expect(rows).toEqual([{ note: "still here" }]);
  });
});
