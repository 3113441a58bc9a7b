// Whole UTC days' rollup figures of every target, kept in this process while the day's version holds:
// its rollup revision (bumped by every rollup run that rewrote the day's rollups, before it clears its
// marks) and the pending marks in it (a late sample not yet rolled up). A month in any time zone is
// then the merge of days already read plus its partial days' hours (index.ts), instead of 30 day
// rollups per target read and parsed again on every new window: at 1,000 targets a month's day
// sketches (~90 buckets each) took 0.9–1.5 s to read as JSON and 1.3 s to merge in SQL.
import "server-only";
import { db, sql } from "@/lib/db";
import type { SketchSum } from "@/lib/health/store/sketch";
import { Buckets, scanBuckets } from "./bucket-text";

const DAY_MS = 86_400_000;
/** The most days one read takes (the current and the previous month in any time zone fit). */
export const MAX_CACHED_DAYS = 70;
/**
 * What the cache keeps, in rollup rows (a day of 1,000 targets is ~7,000 rows and ~1.5 MB with their
 * response-time sketches): the least recently used days go first. Counted in rows, not days, so the
 * empty days of months without data (the Metrics page's older months) do not push out the full ones.
 */
const MAX_CACHED_ROWS = 500_000;

/** The rollup metrics the runtime KPIs read: the checks (uptime) and the sampled KPIs. */
export const CHECKS = "check";
export const SKETCHED = "response_time_ms";
export const ROLLUP_METRICS = [
  SKETCHED,
  "response_time_p50_ms",
  "response_time_p99_ms",
  "error_rate_pct",
  "throughput_rps",
  "memory_pct",
];
const DAY_METRICS = [CHECKS, ...ROLLUP_METRICS];

export type Figures = { count: number; sum: number; min: number; max: number; okCount: number | null };

/** A day's response-time sketches of every target, packed: target → its slices of the arrays. */
type Packed = {
  slices: Map<string, { z: number; p0: number; p1: number; n0: number; n1: number }>;
  pKeys: Int32Array;
  pCounts: Float64Array;
  nKeys: Int32Array;
  nCounts: Float64Array;
};

export type Day = {
  /** No late sample waits in the day: its day rollup is the merge of its hour rollups as stored. */
  clean: boolean;
  /** targetId → metric → the day rollup's figures. */
  figures: Map<string, Map<string, Figures>>;
  sketches: Packed;
};

const days = new Map<number, { version: string; day: Omit<Day, "clean">; rows: number }>();
/** Days being loaded, by day and version. */
const loading = new Map<string, Promise<Omit<Day, "clean">>>();
let cachedRows = 0;
const forget = (d: number) => {
  cachedRows -= days.get(d)?.rows ?? 0;
  days.delete(d);
};

/** Each day's version and whether marks are pending in it, in one round trip. */
export async function dayVersions(starts: number[]): Promise<Map<number, { version: string; pending: boolean }>> {
  const list = starts.map((d) => new Date(d).toISOString());
  const rows = await db.$queryRaw<Array<{ day: Date; revision: number | null; pending: string }>>`
    SELECT d.day, (SELECT r."revision" FROM "HealthRollupRevision" r WHERE r."day" = d.day) AS revision,
      (SELECT count(*) || ':' || coalesce(sum(p."version"), 0) FROM "HealthRollupPending" p
        WHERE p."minute" >= d.day AND p."minute" < d.day + interval '1 day') AS pending
    FROM unnest(${list}::timestamptz[]) AS d(day)`;
  return new Map(
    rows.map((r) => [
      r.day.getTime(),
      { version: `${r.revision ?? 0}|${r.pending}`, pending: !r.pending.startsWith("0:") },
    ]),
  );
}

/** `p`, `n`: the sketch's bucket objects as jsonb text, `z` its zeros (response times only); `day`: days since 1970. */
type Row = Figures & {
  targetId: string;
  metric: string;
  day: number;
  p: string | null;
  n: string | null;
  z: number | null;
};

function pack(rows: Row[]): Packed {
  const slices: Packed["slices"] = new Map();
  // Each bucket takes at least 7 characters of text ("1": 2, ): room for all of them, no copies.
  let chars = 0;
  for (const r of rows) chars += r.p?.length ?? 0;
  const p = new Buckets(Math.ceil(chars / 7));
  const n = new Buckets(16);
  for (const r of rows) {
    if (r.p === null) continue;
    const p0 = p.length;
    const n0 = n.length;
    scanBuckets(r.p, p);
    if (r.n !== null && r.n !== "{}") scanBuckets(r.n, n);
    slices.set(r.targetId, { z: r.z ?? 0, p0, p1: p.length, n0, n1: n.length });
  }
  const positive = p.done();
  const negative = n.done();
  return { slices, pKeys: positive.keys, pCounts: positive.counts, nKeys: negative.keys, nCounts: negative.counts };
}

/**
 * The days' day rollups of every target (sketches only for response times), packed per day. Plain
 * node-postgres (sql()): ~60,000 rows a month, where Prisma's row mapping and the garbage of parsed
 * sketches took most of the time.
 */
async function loadDays(starts: number[]): Promise<Array<[number, Omit<Day, "clean">]>> {
  const list = starts.map((d) => new Date(d).toISOString());
  const rows = await sql().query<Row>(
    `SELECT "targetId"::text AS "targetId", metric, (extract(epoch FROM "bucketStart") / 86400)::int AS day,
       count::float8 AS count, sum::float8 AS sum, min::float8 AS min, max::float8 AS max,
       "okCount"::float8 AS "okCount",
       CASE WHEN metric = $3 THEN (sketch -> 'p')::text END AS p,
       CASE WHEN metric = $3 THEN (sketch -> 'n')::text END AS n,
       CASE WHEN metric = $3 THEN (sketch ->> 'z')::float8 END AS z
     FROM "HealthRollup"
     WHERE bucket = 'day'::"HealthRollupBucket" AND "bucketStart" = ANY($1::timestamptz[])
       AND metric = ANY($2::text[])`,
    [list, DAY_METRICS, SKETCHED],
  );
  const byDay = new Map<number, Row[]>(starts.map((d) => [d, []]));
  for (const r of rows) byDay.get(r.day * DAY_MS)?.push(r);
  return [...byDay].map(([start, dayRows]) => {
    const figures: Day["figures"] = new Map();
    for (const r of dayRows) {
      let m = figures.get(r.targetId);
      if (!m) figures.set(r.targetId, (m = new Map()));
      m.set(r.metric, { count: r.count, sum: r.sum, min: r.min, max: r.max, okCount: r.okCount });
    }
    return [start, { figures, sketches: pack(dayRows) }];
  });
}

/**
 * Days read a few at a time on parallel connections: turning a day's 1,000 sketches into text is
 * ~16 ms of one PostgreSQL backend, so a month read in one query took ~0.5 s on one core.
 */
const DAYS_PER_QUERY = 4;
async function load(starts: number[]): Promise<Map<number, Omit<Day, "clean">>> {
  const chunks: number[][] = [];
  for (let i = 0; i < starts.length; i += DAYS_PER_QUERY) chunks.push(starts.slice(i, i + DAYS_PER_QUERY));
  return new Map((await Promise.all(chunks.map(loadDays))).flat());
}

/**
 * The whole UTC days starting at `starts` (ms, UTC midnights): cached where the version still holds,
 * the rest read in one query. Up to MAX_CACHED_DAYS days (the caller reads longer windows itself).
 */
export async function readDays(starts: number[]): Promise<Day[]> {
  if (starts.length === 0) return [];
  if (starts.length > MAX_CACHED_DAYS || starts.some((d) => d % DAY_MS !== 0))
    throw new RangeError(`readDays takes up to ${MAX_CACHED_DAYS} UTC midnights`);
  // The versions first: a rollup run that commits while the days are read gives the next request another version.
  const versions = await dayVersions(starts);
  const version = (d: number) => versions.get(d)?.version ?? "";
  const hits = new Map(starts.filter((d) => days.get(d)?.version === version(d)).map((d) => [d, days.get(d)!.day]));
  const missing = starts.filter((d) => !hits.has(d));
  // A day another read is loading at the same version is awaited, not loaded again (a window's uptime
  // and rollups ask for the same days at once).
  const key = (d: number) => `${d} ${version(d)}`;
  const toLoad = missing.filter((d) => !loading.has(key(d)));
  if (toLoad.length) {
    const batch = load(toLoad);
    for (const d of toLoad) {
      const day = batch.then((loaded) => loaded.get(d)!);
      loading.set(key(d), day);
      day.finally(() => loading.delete(key(d))).catch(() => undefined);
    }
  }
  const loaded = await Promise.all(missing.map((d) => loading.get(key(d))!));
  missing.forEach((d, i) => hits.set(d, loaded[i]!));
  const out = starts.map((d) => hits.get(d)!);
  starts.forEach((d, i) => {
    forget(d); // re-inserted last: the most recently used
    const rows = 1 + [...out[i]!.figures.values()].reduce((n, m) => n + m.size, 0);
    days.set(d, { version: version(d), day: out[i]!, rows });
    cachedRows += rows;
  });
  while (cachedRows > MAX_CACHED_ROWS) forget(days.keys().next().value!);
  return out.map((day, i) => ({ ...day, clean: versions.get(starts[i]!)?.pending === false }));
}

/** Adds (or, sign -1, subtracts) a day's sketch of `targetId` into `into`; false when the day has none. */
export function addDaySketch(day: Day, targetId: string, into: SketchSum, sign: 1 | -1 = 1): boolean {
  const s = day.sketches;
  const slice = s.slices.get(targetId);
  if (!slice) return false;
  into.addZeros(slice.z, sign);
  into.add(s.pKeys, s.pCounts, slice.p0, slice.p1, sign);
  into.addNegatives(s.nKeys, s.nCounts, slice.n0, slice.n1, sign);
  return true;
}

/** Tests and benchmarks: the next read loads every day again. */
export function clearRuntimeDays(): void {
  days.clear();
  cachedRows = 0;
}
