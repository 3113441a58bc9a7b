// Raw samples as one relation for readers: the unsealed rows of "HealthSample" plus the sealed hours of
// "HealthSampleHour" unpacked (seal.ts). Each helper returns a parenthesised subquery to use as
// `FROM ${rawSamplesSql(…)} s`, with the columns of a HealthSample row but `id`.
import { Prisma } from "@/lib/generated/prisma/client";

const COLUMNS = `"targetId", "at", metric, value, ok, status, "failureKind", "failureMessage", "failureDetail", labels`;

/** The sealed rows `p` unpacked: a sample's instant is its hour plus its offset in ms. */
const UNPACKED =
  Prisma.raw(`p."targetId", p.hour + u.off * interval '1 millisecond' AS "at", p.metric, u.value, u.ok, u.status,
      u."failureKind", u."failureMessage", u."failureDetail", u.labels`);
const UNNEST =
  Prisma.raw(`CROSS JOIN LATERAL unnest(p."atOffsets", p."values", p.oks, p.statuses, p."failureKinds", p."failureMessages", p."failureDetails", p.labels)
      AS u(off, value, ok, status, "failureKind", "failureMessage", "failureDetail", labels)`);

export type RawSampleFilter = {
  /** A SQL expression giving the target's id: a parameter (`${id}::uuid`) or a lateral column (`t.id`). */
  targetId: Prisma.Sql;
  /** One metric, or all. */
  metric?: string;
  /** Inclusive bounds on `at` (SQL timestamptz expressions; `ts(date)` for a Date); callers narrow further. */
  from?: Prisma.Sql;
  to?: Prisma.Sql;
};

export const ts = (d: Date) => Prisma.sql`${d}::timestamptz`;

/** Every sample of a target (and metric) with `at` in [from, to]. */
export function rawSamplesSql(f: RawSampleFilter): Prisma.Sql {
  const metric = f.metric === undefined ? Prisma.empty : Prisma.sql`AND metric = ${f.metric}`;
  const pMetric = f.metric === undefined ? Prisma.empty : Prisma.sql`AND p.metric = ${f.metric}`;
  const from = f.from ? Prisma.sql`AND "at" >= ${f.from}` : Prisma.empty;
  const to = f.to ? Prisma.sql`AND "at" <= ${f.to}` : Prisma.empty;
  // A sealed hour can hold samples of [from, to] only if it starts in (from − 1 h, to]: the index bounds the scan.
  const hourFrom = f.from ? Prisma.sql`AND p.hour > ${f.from} - interval '1 hour'` : Prisma.empty;
  const hourTo = f.to ? Prisma.sql`AND p.hour <= ${f.to}` : Prisma.empty;
  return Prisma.sql`(
    SELECT ${Prisma.raw(COLUMNS)} FROM "HealthSample" WHERE "targetId" = ${f.targetId} ${metric} ${from} ${to}
    UNION ALL
    SELECT * FROM (SELECT ${UNPACKED} FROM "HealthSampleHour" p ${UNNEST}
      WHERE p."targetId" = ${f.targetId} ${pMetric} ${hourFrom} ${hourTo}) x WHERE true ${from} ${to}
  )`;
}

/**
 * The `n` newest (or oldest) samples of a target's metric, optionally only failed checks or only up to
 * `atMost`: at most n + 1 sealed hours are unpacked (each holds at least one sample; the one holding
 * `atMost` may hold none before it). Order the outer query by "at" again; this is a superset's limit.
 */
export function edgeSamplesSql(
  f: Omit<RawSampleFilter, "from" | "to"> & {
    metric: string;
    n: number;
    order: "newest" | "oldest";
    atMost?: Prisma.Sql;
    failedOnly?: boolean;
  },
): Prisma.Sql {
  const dir = Prisma.raw(f.order === "newest" ? "DESC" : "ASC");
  const atMost = f.atMost ? Prisma.sql`AND "at" <= ${f.atMost}` : Prisma.empty;
  const hourAtMost = f.atMost ? Prisma.sql`AND hour <= ${f.atMost}` : Prisma.empty;
  const failed = f.failedOnly ? Prisma.sql`AND ok = false` : Prisma.empty;
  const hourFailed = f.failedOnly ? Prisma.sql`AND false = ANY(oks)` : Prisma.empty;
  return Prisma.sql`(
    SELECT * FROM (
      (SELECT ${Prisma.raw(COLUMNS)} FROM "HealthSample" WHERE "targetId" = ${f.targetId} AND metric = ${f.metric} ${atMost} ${failed}
        ORDER BY "at" ${dir} LIMIT ${f.n})
      UNION ALL
      (SELECT * FROM (SELECT ${UNPACKED} FROM (
          SELECT * FROM "HealthSampleHour" WHERE "targetId" = ${f.targetId} AND metric = ${f.metric} ${hourAtMost} ${hourFailed}
          ORDER BY hour ${dir} LIMIT ${f.n + 1}
        ) p ${UNNEST}) x WHERE true ${atMost} ${failed} ORDER BY "at" ${dir} LIMIT ${f.n})
    ) e ORDER BY "at" ${dir} LIMIT ${f.n}
  )`;
}
