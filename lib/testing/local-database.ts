// Drops and recreates a throwaway database next to a local one (`<database>_<suffix>`), refusing any
// host but this machine (dub's assert-local-database). Shared by the e2e suite and the benchmarks.
import pg from "pg";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export function assertLocalDatabase(url: string, purpose = "tests"): URL {
  const parsed = new URL(url);
  if (!LOCAL_HOSTS.has(parsed.hostname)) {
    throw new Error(
      `Refusing to drop a database on ${parsed.hostname} for ${purpose}: only a local database may be wiped.`,
    );
  }
  return parsed;
}

/** Drops and recreates `<database>_<suffix>` on the server of `url`; returns its URL. */
export async function recreateLocalDatabase(url: string, suffix: string, purpose = "tests"): Promise<string> {
  const parsed = assertLocalDatabase(url, purpose);
  const name = `${parsed.pathname.slice(1) || "postgres"}_${suffix}`.replace(/[^a-zA-Z0-9_]/g, "_");
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
