/**
 * Uptime % of a window = successful checks / all checks in it × 100. A "check" is an HTTP check,
 * a Prometheus scrape or a push heartbeat; a missed heartbeat counts as a failed check. There is
 * no maintenance window yet, and a window without checks (a new, disabled or never-reached target)
 * is "no data" (null), never 0 % or 100 %. Windows within the raw retention are counted from raw
 * samples; longer ones from hourly rollups before the retention (their start rounded down to the hour)
 * plus raw samples inside it.
 */
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { CHECK_METRIC } from "./record";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface Uptime {
  checks: number;
  ok: number;
  /** null: no checks in the window. */
  pct: number | null;
  from: Date;
  to: Date;
  source: "raw" | "hour-rollups";
}

export function uptimePct(ok: number, checks: number): number | null {
  return checks === 0 ? null : (ok / checks) * 100;
}

type Counts = { checks: number; ok: number };

async function rawCounts(targetIds: string[], from: Date, to: Date): Promise<Map<string, Counts>> {
  const rows = await db.$queryRaw<Array<{ targetId: string; checks: number; ok: number }>>`
    SELECT "targetId", count(*)::int AS checks, (count(*) FILTER (WHERE ok))::int AS ok FROM "HealthSample"
    WHERE "targetId" = ANY(${targetIds}::uuid[]) AND metric = ${CHECK_METRIC} AND "at" >= ${from}::timestamptz AND "at" < ${to}::timestamptz
    GROUP BY "targetId"`;
  return new Map(rows.map((r) => [r.targetId, { checks: r.checks, ok: r.ok }]));
}

async function hourRollupCounts(targetIds: string[], from: Date, to: Date): Promise<Map<string, Counts>> {
  const rows = await db.healthRollup.groupBy({
    by: ["targetId"],
    where: { targetId: { in: targetIds }, metric: CHECK_METRIC, bucket: "hour", bucketStart: { gte: from, lt: to } },
    _sum: { count: true, okCount: true },
  });
  return new Map(rows.map((r) => [r.targetId, { checks: r._sum.count ?? 0, ok: r._sum.okCount ?? 0 }]));
}

/**
 * Uptime of each target over [from, to); targets without checks are present with pct null.
 * A window reaching past the raw retention counts whole hours from hour rollups up to the first full hour
 * inside the retention, and raw samples from there on — so it contains every check a shorter (raw) window
 * counts, including the recent ones the rollup job has not folded in yet: a longer window never shows fewer.
 */
export async function getUptime(
  targetIds: string[],
  from: Date,
  to: Date,
  now = new Date(),
): Promise<Map<string, Uptime>> {
  const rawHorizon = now.getTime() - getEnv().STEWARD_HEALTH_RAW_RETENTION_DAYS * DAY_MS;
  const useRaw = from.getTime() >= rawHorizon;
  const start = useRaw ? from : new Date(Math.floor(from.getTime() / HOUR_MS) * HOUR_MS);
  const split = new Date(Math.min(to.getTime(), Math.ceil(rawHorizon / HOUR_MS) * HOUR_MS));
  let counts = new Map<string, Counts>();
  if (targetIds.length > 0 && useRaw) counts = await rawCounts(targetIds, start, to);
  else if (targetIds.length > 0) {
    const [old, recent] = await Promise.all([
      hourRollupCounts(targetIds, start, split),
      split < to ? rawCounts(targetIds, split, to) : new Map<string, Counts>(),
    ]);
    for (const id of targetIds) {
      const a = old.get(id);
      const b = recent.get(id);
      if (a || b) counts.set(id, { checks: (a?.checks ?? 0) + (b?.checks ?? 0), ok: (a?.ok ?? 0) + (b?.ok ?? 0) });
    }
  }
  return new Map(
    targetIds.map((id) => {
      const c = counts.get(id) ?? { checks: 0, ok: 0 };
      return [id, { ...c, pct: uptimePct(c.ok, c.checks), from: start, to, source: useRaw ? "raw" : "hour-rollups" }];
    }),
  );
}
