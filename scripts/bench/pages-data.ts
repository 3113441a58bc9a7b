// Health data for bench:pages, made by the database itself or bulk-loaded: HTTP targets, raw check
// samples every 60 s for BENCH_RAW_DAYS and, as an HTTP check also writes them, response-time samples
// for the last day (loaded with COPY on PostgreSQL; the embedded database's wire protocol has no COPY
// FROM STDIN, so there INSERT … SELECT generate_series), hour and day rollups of "check" and
// "response_time_ms" for 90 days, and each target's current "up" state. Rollups are written as the
// rollup job would have left them (no pending marks), so uptime may read them. A reused data set is
// brought up to date by refreshHealthData. Past hours' samples are sealed, as the rollup job leaves them.
import pg from "pg";
import { copyFrom } from "./copy-from";
import { sealRawSamplesIn } from "@/lib/health/store/seal";

/** Seals the loaded samples of past hours as the rollup job would (lib/health/store/seal.ts), a day at a time. */
async function sealLoaded(client: pg.Client, from: number, end: number): Promise<void> {
  const sql = { query: async <T>(text: string, values?: unknown[]) => (await client.query(text, values)).rows as T[] };
  const before = Math.floor(end / 3_600_000) * 3_600_000;
  for (let day = Math.floor(from / DAY_MS) * DAY_MS; day < before; day += DAY_MS) {
    await client.query("BEGIN");
    await sealRawSamplesIn(sql, { from: new Date(day), before: new Date(Math.min(day + DAY_MS, before)) });
    await client.query("COMMIT");
  }
  // A bulk load leaves the staging table as large as all it held; running steward keeps it at about an
  // hour of rows (the sealed rows' space is reused), which is what this compacting gives.
  await client.query(`VACUUM FULL "HealthSample"`);
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
type RawMetric = "check" | "response_time_ms";
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

/** A deterministic pseudo-random number for (target, minute), so a top-up writes what a build would have. */
function noise(seed: number, minute: number): number {
  let x = (Math.imul(seed, 0x9e3779b1) ^ Math.imul(minute, 0x85ebca6b)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  return (x ^ (x >>> 15)) >>> 0;
}

/**
 * COPY lines of one target's raw samples, one a minute in [from, to) (whole minutes): checks ("check",
 * 1 in 500 failing) or, as an HTTP check also writes, response times ("response_time_ms", no ok/status).
 */
function sampleLines(targetId: string, metric: RawMetric, from: number, to: number, seed: number): string {
  const out: string[] = [];
  for (let at = from; at < to; at += MINUTE_MS) {
    const s = noise(seed, at / MINUTE_MS);
    const failed = s % 500 === 0;
    const tail = metric === "check" ? `${failed ? "f" : "t"}\t${failed ? 503 : 200}` : "\\N\t\\N";
    if (metric === "check" || !failed)
      out.push(`${targetId}\t${new Date(at).toISOString()}\t${metric}\t${40 + (s % 200)}\t${tail}\n`);
  }
  return out.join("");
}

/** Raw samples of `metric` of every target for the minutes in [from, to); returns the rows written. */
async function insertRawSamples(
  client: pg.Client,
  ids: string[],
  metric: RawMetric,
  [from, to]: [number, number],
  embedded: boolean,
): Promise<number> {
  if (to <= from) return 0;
  const minutes = (to - from) / MINUTE_MS;
  if (embedded) {
    const { rowCount } = await client.query(
      `INSERT INTO "HealthSample" ("targetId", "at", metric, value, ok, status)
       SELECT t.id, to_timestamp($2::float8 / 1000) + k * interval '1 minute', $4, 40 + (k * 37 + t.n * 11) % 200,
         CASE WHEN $4 = 'check' THEN (k + t.n) % 500 <> 0 END, CASE WHEN $4 = 'check' THEN CASE WHEN (k + t.n) % 500 = 0 THEN 503 ELSE 200 END END
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n) CROSS JOIN generate_series(0, $3::int - 1) k
       WHERE $4 = 'check' OR (k + t.n) % 500 <> 0`,
      [ids, from, minutes, metric],
    );
    return rowCount ?? 0;
  }
  let copied = 0;
  const perCopy = Math.max(1, Math.floor(200_000 / minutes)); // targets per COPY: about 200k rows each
  for (let i = 0; i < ids.length; i += perCopy) {
    const chunks = ids.slice(i, i + perCopy).map((id, j) => Buffer.from(sampleLines(id, metric, from, to, i + j + 1)));
    copied += await copyFrom(
      client,
      `COPY "HealthSample" ("targetId", "at", metric, value, ok, status) FROM STDIN`,
      chunks,
    );
  }
  return copied;
}

/**
 * Response-time sketches as the rollup job writes them, over the sketch's 1 % buckets between 40 and
 * 240 ms (indexes 185–274): an hour of checks at 60 s fills 30 buckets (one of three interleaved sets,
 * by the hour of the day), its day all 90, and the day is exactly the merge of its 24 hours, as the
 * rollup job's is (readers subtract hours from days). A one-bucket sketch made merging them look
 * 30–90 times cheaper than it is on a real service's response times.
 */
function hourSketch(set: number): string {
  const p: Record<string, number> = {};
  for (let i = 0; i < 30; i++) p[185 + 3 * i + set] = 2;
  return JSON.stringify({ z: 0, p, n: {} });
}
function daySketch(): string {
  const p: Record<string, number> = {};
  for (let i = 0; i < 90; i++) p[185 + i] = 16;
  return JSON.stringify({ z: 0, p, n: {} });
}

/**
 * Hour and day rollups of both metrics for `days` days, shaped like the rollup job's (sketches of many
 * buckets, see hourSketch); an hour whose start is a multiple of 7 s has one
 * failed check, and a day's counts are its hours' sums, as the rollup job's merge gives. Written in time
 * order, as the rollup job writes them: inserted one target after another, an hour's rows of 1,000
 * targets lay on 1,000 table pages, and reading a few hours of every target cost seconds of page reads.
 */
async function insertRollups(client: pg.Client, days: number, since = 0): Promise<number> {
  let rows = 0;
  for (const [bucket, step, count, sketches] of [
    ["hour", "1 hour", 60, [0, 1, 2].map(hourSketch)],
    ["day", "1 day", 1440, [daySketch(), daySketch(), daySketch()]],
  ] as const) {
    const result = await client.query(
      `INSERT INTO "HealthRollup" ("targetId", metric, bucket, "bucketStart", count, "okCount", sum, min, max, p50, p95, p99, sketch, "updatedAt")
       SELECT t.id, m.metric, $1::"HealthRollupBucket", b.start, $3::int, CASE WHEN m.metric = 'check' THEN $3::int - (SELECT count(*)::int FROM generate_series(b.start, b.start + interval '${step}' - interval '1 hour', interval '1 hour') h WHERE extract(epoch FROM h)::bigint % 7 = 0) END,
         $3::int * 140.0, 40, 240, 140, 230, 238,
         (CASE extract(hour FROM b.start AT TIME ZONE 'UTC')::int % 3 WHEN 0 THEN $6 WHEN 1 THEN $7 ELSE $8 END)::jsonb, now()
       FROM "HealthTarget" t CROSS JOIN (VALUES ('check'), ('response_time_ms')) m(metric)
       CROSS JOIN generate_series(greatest(date_trunc($2, now()) - $4::int * interval '1 day', date_trunc($2, to_timestamp($5::float8 / 1000))), date_trunc($2, now()) - interval '${step}', interval '${step}') b(start)
       WHERE t.slug LIKE 'bench-%'
       ORDER BY b.start, t.id, m.metric
       ON CONFLICT DO NOTHING`,
      [bucket, bucket, count, days, since, ...sketches],
    );
    rows += result.rowCount ?? 0;
  }
  return rows;
}

/** Checks for `rawDays` and response times for the last day, both ending at `end` (a whole minute). */
const rawSpans = (size: HealthDataSize, end: number) =>
  [
    ["check", [end - size.rawDays * DAY_MS, end]],
    ["response_time_ms", [end - Math.min(size.rawDays, 1) * DAY_MS, end]],
  ] as const;

export const lastWholeMinute = (now: number) => Math.floor(now / MINUTE_MS) * MINUTE_MS;

export async function insertHealthData(
  url: string,
  size: HealthDataSize,
  embedded: boolean,
  end: number,
): Promise<{ targetIds: string[]; samples: number; rollups: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const targetIds = await insertTargets(client, size);
    let samples = 0;
    for (const [metric, span] of rawSpans(size, end))
      samples += await insertRawSamples(client, targetIds, metric, [span[0], span[1]], embedded);
    await sealLoaded(client, end - size.rawDays * DAY_MS, end);
    const rollups = await insertRollups(client, size.rollupDays);
    await client.query(`ANALYZE "HealthTarget", "HealthSample", "HealthSampleHour", "HealthRollup", "HealthState"`);
    return { targetIds, samples, rollups };
  } finally {
    await client.end();
  }
}

/**
 * Brings a reused data set from `previousEnd` up to `end`: the raw samples of the minutes since are
 * added (all of them again if the gap exceeds the raw span) and those before the span deleted; the
 * rollups likewise; the targets' "up" state checked now. PostgreSQL only (COPY).
 */
export async function refreshHealthData(
  url: string,
  size: HealthDataSize,
  previousEnd: number,
  end: number,
): Promise<{ targetIds: string[]; added: number; deleted: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM "HealthTarget" WHERE slug LIKE 'bench-%' ORDER BY substring(slug FROM 7)::int`,
    );
    const targetIds = rows.map((r) => r.id);
    let added = 0;
    let deleted = 0;
    for (const [metric, [from, to]] of rawSpans(size, end)) {
      const gone = await client.query(
        `DELETE FROM "HealthSample" WHERE metric = $1 AND "at" < to_timestamp($2::float8 / 1000)`,
        [metric, from],
      );
      deleted += gone.rowCount ?? 0;
      const sealed = await client.query<{ n: number }>(
        `WITH gone AS (DELETE FROM "HealthSampleHour" WHERE metric = $1 AND hour + interval '1 hour' <= to_timestamp($2::float8 / 1000) RETURNING cardinality("atOffsets") AS n)
         SELECT coalesce(sum(n), 0)::int AS n FROM gone`,
        [metric, from],
      );
      deleted += sealed.rows[0]!.n;
      added += await insertRawSamples(client, targetIds, metric, [Math.max(from, previousEnd), to], false);
    }
    await sealLoaded(client, previousEnd - DAY_MS, end);
    const old = await client.query(
      `DELETE FROM "HealthRollup" WHERE "bucketStart" < date_trunc(bucket::text, now()) - $1::int * interval '1 day'`,
      [size.rollupDays],
    );
    deleted += old.rowCount ?? 0;
    added += await insertRollups(client, size.rollupDays, previousEnd); // the buckets from the one holding the old end
    await client.query(`UPDATE "HealthState" SET "lastAt" = now() WHERE kpi = 'up'`);
    await client.query(
      `VACUUM ANALYZE "HealthTarget", "HealthSample", "HealthSampleHour", "HealthRollup", "HealthState"`,
    );
    return { targetIds, added, deleted };
  } finally {
    await client.end();
  }
}
