// Which tables the page requests read by sequential scan: pg_stat_user_tables before and after
// (statistics are flushed by each backend within a second or so of its transactions, hence the wait).
import pg from "pg";

type Snapshot = Map<string, { scans: number; tuples: number }>;

export async function seqScanSnapshot(url: string): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ relname: string; seq_scan: string; seq_tup_read: string }>(
      `SELECT relname, coalesce(seq_scan, 0) AS seq_scan, coalesce(seq_tup_read, 0) AS seq_tup_read FROM pg_stat_user_tables WHERE schemaname = 'public'`,
    );
    return new Map(rows.map((r) => [r.relname, { scans: Number(r.seq_scan), tuples: Number(r.seq_tup_read) }]));
  } finally {
    await client.end();
  }
}

/** Prints the tables sequentially scanned since `before`, most rows read first. */
export async function printSeqScans(url: string, before: Snapshot, requests: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const after = await seqScanSnapshot(url);
  const deltas = [...after]
    .map(([table, a]) => ({
      table,
      scans: a.scans - (before.get(table)?.scans ?? 0),
      tuples: a.tuples - (before.get(table)?.tuples ?? 0),
    }))
    .filter((d) => d.scans > 0)
    .sort((a, b) => b.tuples - a.tuples);
  const big = deltas.filter((d) => d.tuples / Math.max(d.scans, 1) >= 1000);
  console.log(
    `sequential scans during the ${requests} page requests: ${deltas.length === 0 ? "none" : deltas.map((d) => `${d.table} ${d.scans}× (${d.tuples.toLocaleString("en")} rows)`).join(", ")}`,
  );
  console.log(
    `sequential scans reading ≥ 1,000 rows each: ${big.length === 0 ? "none" : big.map((d) => d.table).join(", ")}`,
  );
}
