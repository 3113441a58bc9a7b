// Finished windows' runtime KPIs, kept in this process until their data changes. A window's version:
// the revisions of the UTC days it touches (bumped by every rollup run that rewrote those days'
// rollups, before it clears its marks), the pending marks in those days (a late sample, not yet rolled
// up), and the maintenance windows (and, when there are any, the targets' service groups). A window
// reaching past now, or old enough for its hour rollups to be trimmed, is always computed.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { HOUR_ROLLUP_RETENTION_DAYS } from "@/lib/health/store/retention";
import type { RuntimeTarget } from ".";
import { clearRuntimeDays } from "./days";
import type { KpiValues, WindowBounds } from "../types";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Each entry holds 7 values per target (about 1 MB at 1,000 targets); the oldest go first. */
const MAX_ENTRIES = 48;
const entries = new Map<string, { version: string; values: KpiValues }>();

const dayRange = (w: WindowBounds) => ({
  ds: new Date(Math.floor(w.start.getTime() / DAY_MS) * DAY_MS),
  de: new Date(Math.ceil(w.end.getTime() / DAY_MS) * DAY_MS),
});

/** One version string per window (one round trip for all). */
export async function runtimeVersions(windows: WindowBounds[]): Promise<string[]> {
  if (windows.length === 0) return [];
  const ds = windows.map((w) => dayRange(w).ds.toISOString());
  const de = windows.map((w) => dayRange(w).de.toISOString());
  const rows = await db.$queryRaw<Array<{ i: number; v: string }>>`
    SELECT w.i::int AS i, concat_ws('|',
      (SELECT count(*) || ':' || coalesce(sum(r."revision"), 0) FROM "HealthRollupRevision" r WHERE r."day" >= w.ds AND r."day" < w.de),
      (SELECT count(*) || ':' || coalesce(sum(p."version"), 0) FROM "HealthRollupPending" p WHERE p."minute" >= w.ds AND p."minute" < w.de),
      (SELECT count(*) || ':' || coalesce(max(m."updatedAt")::text, '') FROM "MaintenanceWindow" m),
      (SELECT md5(string_agg(t.id::text || ':' || t."serviceGroup", ',' ORDER BY t.id)) FROM "HealthTarget" t
        WHERE EXISTS (SELECT 1 FROM "MaintenanceWindow"))) AS v
    FROM unnest(${ds}::timestamptz[], ${de}::timestamptz[]) WITH ORDINALITY AS w(ds, de, i)`;
  return windows.map((_, i) => rows.find((r) => r.i === i + 1)?.v ?? "");
}

/**
 * Where `now` changes a finished window's figures: whether its start lies inside the raw retention
 * (lib/health/views/uptime.ts reads raw samples then), and, for a window the retention horizon falls
 * into, the horizon's hour (hours after it are read raw when marked or in maintenance).
 */
function keyOf(fleet: string, w: WindowBounds, now: Date): string {
  const horizon = now.getTime() - getEnv().STEWARD_HEALTH_RAW_RETENTION_DAYS * DAY_MS;
  const inside = w.start.getTime() >= horizon;
  const straddles = w.start.getTime() < horizon && horizon < w.end.getTime();
  const hour = straddles ? Math.ceil(horizon / HOUR_MS) : "";
  return `${fleet} ${w.start.getTime()} ${w.end.getTime()} ${inside} ${hour}`;
}

const cacheable = (w: WindowBounds, now: Date) =>
  w.end.getTime() <= now.getTime() && w.start.getTime() >= now.getTime() - (HOUR_ROLLUP_RETENTION_DAYS - 1) * DAY_MS;

/** Values for each window: cached ones while their version holds, the others computed together by `compute`. */
export async function cachedRuntime(
  targets: RuntimeTarget[],
  windows: WindowBounds[],
  now: Date,
  compute: (missing: WindowBounds[]) => Promise<KpiValues[]>,
): Promise<KpiValues[]> {
  const fleet = createHash("sha1")
    .update(targets.map((t) => `${t.id}:${t.kind}:${t.slug}`).join(","))
    .digest("hex");
  const kept = windows.map((w, i) => ({ w, i })).filter(({ w }) => cacheable(w, now));
  // Read before computing: a change made while computing gives the next request another version.
  const versions = await runtimeVersions(kept.map((k) => k.w));
  const version = new Map(kept.map((k, j) => [k.i, versions[j]!]));
  const keys = windows.map((w) => keyOf(fleet, w, now));
  const hit = (i: number) => version.has(i) && entries.get(keys[i]!)?.version === version.get(i);
  const missing = windows.map((w, i) => ({ w, i })).filter(({ i }) => !hit(i));
  const computed = missing.length ? await compute(missing.map((m) => m.w)) : [];
  const out = windows.map((_, i) => (hit(i) ? entries.get(keys[i]!)!.values : {}));
  missing.forEach(({ i }, j) => {
    out[i] = computed[j]!;
    const v = version.get(i);
    if (v === undefined) return;
    entries.delete(keys[i]!);
    entries.set(keys[i]!, { version: v, values: computed[j]! });
  });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return out;
}

/** Benchmarks and tests: the next request computes everything again, reading every day anew. */
export function clearRuntimeCache(): void {
  entries.clear();
  clearRuntimeDays();
}
