// Refuses to run the suite against anything but a database on this machine (dub's assert-local-database).
import pg from "pg";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export function assertLocalDatabase(url: string): URL {
  const parsed = new URL(url);
  if (!LOCAL_HOSTS.has(parsed.hostname)) {
    throw new Error(`Refusing to run end-to-end tests against ${parsed.hostname}: only a local database may be wiped.`);
  }
  return parsed;
}

/** Drops and recreates `<database>_e2e` next to the given database; returns its URL. */
export async function recreateE2eDatabase(url: string): Promise<string> {
  const parsed = assertLocalDatabase(url);
  const name = `${parsed.pathname.slice(1) || "postgres"}_e2e`.replace(/[^a-zA-Z0-9_]/g, "_");
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
