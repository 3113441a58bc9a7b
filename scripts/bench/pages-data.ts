// Health data for bench:pages, made by the database itself or bulk-loaded: HTTP targets, raw check
// samples every 60 s for BENCH_RAW_DAYS (loaded with COPY on PostgreSQL; the embedded database's wire
// protocol has no COPY FROM STDIN, so there INSERT … SELECT generate_series), hour and day rollups of
// "check" and "response_time_ms" for 90 days, and each target's current "up" state. Rollups are
// written as the rollup job would have left them (no pending marks), so uptime may read them.
import pg from "pg";
import { copyFrom } from "./copy-from";

const MINUTE_MS = 60_000;
export type HealthDataSize = { targets: number; rawDays: number; rollupDays: number };

/** Inserts the targets and returns their ids (oldest first). */
async function insertTargets(client: pg.Client, size: HealthDataSize): Promise<string[]> {
  const config = {
    method: "GET",
    url: "https://bench.example.com/health",
    expectedStatus: { min: 200, max: 399 },
    timeoutMs: 10_000,
  };
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "HealthTarget" (id, slug, name, "serviceGroup", kind, config, "intervalSeconds", "phaseMs", enabled, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), 'bench-' || n, 'Bench service ' || lpad(n::text, 4, '0'), 'group-' || (n % 20), 'http', $2::jsonb, 60,
       (n * 7919) % 60000, true, now() - $3::int * interval '1 day', now()
     FROM generate_series(1, $1::int) n RETURNING id`,
    [size.targets, JSON.stringify(config), size.rollupDays],
  );
  await client.query(
    `INSERT INTO "HealthState" ("targetId", kpi, level, "consecutiveBreaches", "lastValue", "lastAt", "changedAt")
     SELECT id, 'up', 'ok', 0, 1, now(), now() - interval '3 days' FROM "HealthTarget" WHERE slug LIKE 'bench-%'`,
  );
  return rows.map((r) => r.id);
}

/** COPY lines of one target's raw checks: one a minute for `days`, ending a minute ago; 1 in 500 fails. */
function checkLines(targetId: string, days: number, end: number, seed: number): string {
  const out: string[] = [];
  let s = seed;
  for (let k = days * 1440; k >= 1; k--) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    const failed = s % 500 === 0;
    const at = new Date(end - k * MINUTE_MS).toISOString();
    out.push(`${targetId}\t${at}\tcheck\t${40 + (s % 200)}\t${failed ? "f" : "t"}\t${failed ? 503 : 200}\n`);
  }
  return out.join("");
}

async function insertRawSamples(client: pg.Client, ids: string[], days: number, embedded: boolean): Promise<number> {
  const end = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
  if (embedded) {
    const { rowCount } = await client.query(
      `INSERT INTO "HealthSample" ("targetId", "at", metric, value, ok, status)
       SELECT t.id, to_timestamp($2::float8 / 1000) - k * interval '1 minute', 'check', 40 + (k * 37 + t.n * 11) % 200,
         (k + t.n) % 500 <> 0, CASE WHEN (k + t.n) % 500 = 0 THEN 503 ELSE 200 END
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n) CROSS JOIN generate_series(1, $3::int * 1440) k`,
      [ids, end, days],
    );
    return rowCount ?? 0;
  }
  let copied = 0;
  for (let i = 0; i < ids.length; i += 20) {
    const chunks = ids.slice(i, i + 20).map((id, j) => Buffer.from(checkLines(id, days, end, i + j + 1)));
    copied += await copyFrom(
      client,
      `COPY "HealthSample" ("targetId", "at", metric, value, ok, status) FROM STDIN`,
      chunks,
    );
  }
  return copied;
}

/** Hour and day rollups of both metrics for `days` days, shaped like the rollup job's (a one-bucket sketch). */
async function insertRollups(client: pg.Client, days: number): Promise<number> {
  let rows = 0;
  for (const [bucket, step, count] of [
    ["hour", "1 hour", 60],
    ["day", "1 day", 1440],
  ] as const) {
    const result = await client.query(
      `INSERT INTO "HealthRollup" ("targetId", metric, bucket, "bucketStart", count, "okCount", sum, min, max, p50, p95, p99, sketch, "updatedAt")
       SELECT t.id, m.metric, $1::"HealthRollupBucket", b.start, $3::int, CASE WHEN m.metric = 'check' THEN $3::int - (extract(epoch FROM b.start)::bigint % 7 = 0)::int END,
         $3::int * 120.0, 40, 240, 120, 230, 238, '{"z":0,"p":{"241":${count}},"n":{}}'::jsonb, now()
       FROM "HealthTarget" t CROSS JOIN (VALUES ('check'), ('response_time_ms')) m(metric)
       CROSS JOIN generate_series(date_trunc($2, now()) - $4::int * interval '1 day', date_trunc($2, now()) - interval '${step}', interval '${step}') b(start)
       WHERE t.slug LIKE 'bench-%'`,
      [bucket, bucket, count, days],
    );
    rows += result.rowCount ?? 0;
  }
  return rows;
}

export async function insertHealthData(
  url: string,
  size: HealthDataSize,
  embedded: boolean,
): Promise<{ targetIds: string[]; samples: number; rollups: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const targetIds = await insertTargets(client, size);
    const samples = await insertRawSamples(client, targetIds, size.rawDays, embedded);
    const rollups = await insertRollups(client, size.rollupDays);
    await client.query(`ANALYZE "HealthTarget", "HealthSample", "HealthRollup", "HealthState"`);
    return { targetIds, samples, rollups };
  } finally {
    await client.end();
  }
}
