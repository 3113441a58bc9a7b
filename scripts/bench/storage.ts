// Bytes on disk per raw sample and per rollup row (table + indexes + TOAST ÷ rows), and what that
// projects to for 1,000 HTTP targets checked every 30 s for a year with the default retention:
// raw samples and minute rollups STEWARD_HEALTH_RAW_RETENTION_DAYS (14 d), hour rollups 400 d
// (so a whole year), day rollups forever. An HTTP check writes two samples (metric "check" and
// "response_time_ms"), so two series per target.
import pg from "pg";

const DAY_S = 86_400;

export async function printStorage(url: string, rawRetentionDays: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`VACUUM ANALYZE "HealthSample", "HealthRollup"`);
    const size = async (table: string) => {
      const { rows } = await client.query<{ bytes: string; n: string }>(
        `SELECT pg_total_relation_size('"${table}"') AS bytes, (SELECT count(*) FROM "${table}") AS n`,
      );
      return { bytes: Number(rows[0]!.bytes), rows: Number(rows[0]!.n) };
    };
    const raw = await size("HealthSample");
    const rollup = await size("HealthRollup");
    const { rows: widths } = await client.query<{ w: string }>(
      `SELECT avg(pg_column_size(s.*)) AS w FROM "HealthSample" s`,
    );
    if (raw.rows === 0 || rollup.rows === 0) return console.log("storage: no samples or rollups to measure");
    const perRaw = raw.bytes / raw.rows;
    const perRollup = rollup.bytes / rollup.rows;
    const series = 1000 * 2;
    const rawRows = series * (DAY_S / 30) * rawRetentionDays;
    const rollupRows = series * (1440 * rawRetentionDays + 24 * 365 + 365);
    const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
    console.log(
      `storage: ${Math.round(perRaw)} bytes per raw sample on disk (table + indexes, ${raw.rows.toLocaleString("en")} rows; the row alone ${Math.round(Number(widths[0]!.w))} bytes), ${Math.round(perRollup)} bytes per rollup row (${rollup.rows.toLocaleString("en")} rows)`,
    );
    console.log(
      `projected for 1,000 HTTP targets at 30 s, one year, default retention: raw ${rawRetentionDays} d ${gib(rawRows * perRaw)} + rollups (minute ${rawRetentionDays} d, hour 400 d, day forever) ${gib(rollupRows * perRollup)} = ${gib(rawRows * perRaw + rollupRows * perRollup)}`,
    );
    const { rows: parts } = await client.query<{ name: string; bytes: string }>(
      `SELECT 'heap' AS name, pg_relation_size('"HealthSample"') AS bytes
       UNION ALL SELECT 'TOAST', coalesce(pg_total_relation_size(reltoastrelid), 0) FROM pg_class WHERE oid = '"HealthSample"'::regclass
       UNION ALL SELECT indexrelid::regclass::text, pg_relation_size(indexrelid) FROM pg_index WHERE indrelid = '"HealthSample"'::regclass`,
    );
    console.log(
      `  per raw sample: ${parts.map((p) => `${p.name} ${(Number(p.bytes) / raw.rows).toFixed(1)}`).join(", ")} bytes (a heap row carries 24 bytes of tuple header and a 4-byte line pointer)`,
    );
    if (raw.rows < 100_000)
      console.log(
        "  (a small table: fixed per-table overhead weighs in; a longer run or more targets gives a steadier figure)",
      );
  } finally {
    await client.end();
  }
}
