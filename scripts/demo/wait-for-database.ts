// The demo seeds while steward starts: wait until start.ts has opened the database (it hands the embedded
// database's URL to getEnv(), not process.env) and its migrations have created the tables a seeder needs.
type Db = (typeof import("@/lib/db"))["db"];

/** Resolves with the database client once `probe` (a query on the seeder's own table) succeeds. */
export async function waitForDatabase(probe: (db: Db) => Promise<unknown>, timeoutMs = 300_000): Promise<Db> {
  const { getEnv } = await import("@/lib/env");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (getEnv().DATABASE_URL) {
      const { db } = await import("@/lib/db");
      try {
        await probe(db);
        return db;
      } catch {
        // migrations not applied yet
      }
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the database did not become ready");
}
