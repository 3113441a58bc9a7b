// Bytes on disk per raw sample and per rollup row (tables + indexes + TOAST ÷ samples), and what that
// projects to for 1,000 HTTP targets checked every 30 s for a year with the default retention:
// raw samples and minute rollups STEWARD_HEALTH_RAW_RETENTION_DAYS (14 d), hour rollups 400 d
// (so a whole year), day rollups forever. An HTTP check writes two samples (metric "check" and
// "response_time_ms"), so two series per target. Raw samples live in two tables: the current hour's
// rows in "HealthSample" and the sealed hours packed in "HealthSampleHour" (lib/health/store/seal.ts);
// both count. The projection applies the figure measured on the data set at hand (60 s: 60 samples
// per sealed hour; at 30 s an hour packs 120).
import pg from "pg";

const DAY_S = 86_400;
const RAW_TABLES = ["HealthSample", "HealthSampleHour"] as const;

export async function printStorage(url: string, rawRetentionDays: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`VACUUM ANALYZE "HealthSample", "HealthSampleHour", "HealthRollup"`);
    const bytes = async (table: string) =>
      Number((await client.query<{ b: string }>(`SELECT pg_total_relation_size('"${table}"') AS b`)).rows[0]!.b);
    const { rows: counts } = await client.query<{ staged: string; sealed: string; hours: string; rollups: string }>(
      `SELECT (SELECT count(*) FROM "HealthSample") AS staged,
        (SELECT coalesce(sum(cardinality("atOffsets")), 0) FROM "HealthSampleHour") AS sealed,
        (SELECT count(*) FROM "HealthSampleHour") AS hours, (SELECT count(*) FROM "HealthRollup") AS rollups`,
    );
    const staged = Number(counts[0]!.staged);
    const sealed = Number(counts[0]!.sealed);
    const samples = staged + sealed;
    const rollupRows = Number(counts[0]!.rollups);
    if (samples === 0 || rollupRows === 0) return console.log("storage: no samples or rollups to measure");
    let rawBytes = 0;
    for (const table of RAW_TABLES) rawBytes += await bytes(table);
    const perRaw = rawBytes / samples;
    const perRollup = (await bytes("HealthRollup")) / rollupRows;
    const series = 1000 * 2;
    const rawRows = series * (DAY_S / 30) * rawRetentionDays;
    const projectedRollups = series * (1440 * rawRetentionDays + 24 * 365 + 365);
    const gib = (b: number) => `${(b / 2 ** 30).toFixed(1)} GiB`;
    console.log(
      `storage: ${perRaw.toFixed(1)} bytes per raw sample on disk (tables + indexes + TOAST, ${samples.toLocaleString("en")} samples: ${sealed.toLocaleString("en")} sealed in ${Number(counts[0]!.hours).toLocaleString("en")} hour rows, ${staged.toLocaleString("en")} staged), ${Math.round(perRollup)} bytes per rollup row (${rollupRows.toLocaleString("en")} rows)`,
    );
    if (sealed === 0) {
      // A short run (bench:health) leaves every sample in the current hour's staging table, which the
      // rollup job seals into packed rows once the hour is over: a projection from staged rows would
      // overstate the raw size about tenfold.
      console.log(
        "  (every sample is still staged in the current hour; past hours are sealed into packed rows — bench:storage and bench:pages measure those and project the size)",
      );
      return;
    }
    console.log(
      `projected for 1,000 HTTP targets at 30 s, one year, default retention: raw ${rawRetentionDays} d ${gib(rawRows * perRaw)} + rollups (minute ${rawRetentionDays} d, hour 400 d, day forever) ${gib(projectedRollups * perRollup)} = ${gib(rawRows * perRaw + projectedRollups * perRollup)}`,
    );
    const { rows: parts } = await client.query<{ name: string; bytes: string }>(
      `SELECT c.relname || ' heap' AS name, pg_relation_size(c.oid) AS bytes FROM pg_class c WHERE c.relname = ANY($1::text[])
       UNION ALL SELECT c.relname || ' TOAST', coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0) FROM pg_class c WHERE c.relname = ANY($1::text[])
       UNION ALL SELECT i.indexrelid::regclass::text, pg_relation_size(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relname = ANY($1::text[])`,
      [RAW_TABLES],
    );
    console.log(
      `  per raw sample: ${parts.map((p) => `${p.name.replaceAll('"', "")} ${(Number(p.bytes) / samples).toFixed(1)}`).join(", ")} bytes`,
    );
    if (samples < 100_000)
      console.log(
        "  (a small table: fixed per-table overhead weighs in; a longer run or more targets gives a steadier figure)",
      );
  } finally {
    await client.end();
  }
}
