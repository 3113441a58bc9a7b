// Uptime of a window for the runtime KPIs: getUptime's counts (lib/health/views/uptime.ts), with the
// whole UTC days it would read from day rollups taken from the day cache (days.ts) instead.
// getUptime counts such a day from its day rollup when no late sample waits in it and no maintenance
// touches it; the day cache holds exactly those rows. A partial day at the window's ends that starts
// and ends on the hour, is over, and has no late sample waiting is counted from its hour rollups, which
// then hold every raw check of those hours (getUptime would count the same checks, from raw samples
// inside the raw retention): over 12 hours as the day's counts minus the other hours'. The rest
// (other partial days, today, the days with pending marks) is counted by getUptime range by range:
// its counts add up over ranges that meet at UTC midnights and hours. With a maintenance window
// anywhere in the window, getUptime counts all of it (maintenance is rare, and its per-target spans do
// not follow days).
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { getUptime, maintenanceSpans, uptimePct } from "@/lib/health/views/uptime";
import type { WindowBounds } from "../types";
import { CHECKS, dayVersions, MAX_CACHED_DAYS, readDays, type Day } from "./days";
import { rollupRowsInRanges } from "./ranges";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export type WindowUptime = { checks: number; ok: number; pct: number | null };

export async function windowUptime(ids: string[], w: WindowBounds, now: Date): Promise<Map<string, WindowUptime>> {
  const start = w.start.getTime();
  const end = w.end.getTime();
  // The whole days getUptime itself reads as days: its whole hours end at the hour after now.
  const hoursEnd =
    Math.floor(Math.min(end, Math.ceil(now.getTime() / HOUR_MS) * HOUR_MS + HOUR_MS) / HOUR_MS) * HOUR_MS;
  const ds = Math.ceil(start / DAY_MS) * DAY_MS;
  const de = Math.floor(hoursEnd / DAY_MS) * DAY_MS;
  const starts: number[] = [];
  for (let d = ds; d < de; d += DAY_MS) starts.push(d);
  const whole = (): Promise<Map<string, WindowUptime>> => getUptime(ids, w.start, w.end, now);
  if (starts.length === 0 || starts.length > MAX_CACHED_DAYS) return whole();
  if ((await maintenanceSpans(ids, w.start, w.end)).length > 0) return whole();
  // The partial days at the ends that hour rollups can count (see above), and their days' pending state.
  const lastHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const edges = [
    { from: start, to: ds },
    { from: de, to: end },
  ].filter(
    (e) =>
      e.from < e.to &&
      e.from % HOUR_MS === 0 &&
      e.to % HOUR_MS === 0 &&
      e.to <= lastHour &&
      Math.floor(e.from / DAY_MS) === Math.floor((e.to - 1) / DAY_MS),
  );
  const edgeDay = (e: { from: number }) => Math.floor(e.from / DAY_MS) * DAY_MS;
  // (Subtracted only while the day cache takes the extra days; otherwise their hours are summed.)
  const wide = starts.length + 2 <= MAX_CACHED_DAYS ? edges.filter((e) => e.to - e.from > 12 * HOUR_MS) : [];
  const [days, edgeVersions] = await Promise.all([
    readDays([...starts, ...wide.map(edgeDay)]),
    edges.length ? dayVersions(edges.map(edgeDay)) : new Map<number, { pending: boolean }>(),
  ]);
  const cached = days.slice(0, starts.length);
  const wideDays = new Map(wide.map((e, i) => [e, days[starts.length + i]!]));
  const fromRollups = edges.filter((e) => edgeVersions.get(edgeDay(e))?.pending === false);
  const clean = cached.filter((day) => day.clean);
  // A target without a check rollup on one of those days (created later, paused, or samples that
  // never reached a rollup) is counted by getUptime over the whole window, as before.
  const covered = ids.filter((id) => clean.every((day) => day.figures.get(id)?.has(CHECKS)));
  const isCovered = new Set(covered);
  const uncovered = ids.filter((id) => !isCovered.has(id));
  // Ranges getUptime counts: before the first cached day, each day with pending marks, after the last.
  const ranges: Array<[number, number]> = [];
  const rest = (a: number, b: number) => {
    if (a >= b) return;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === a) last[1] = b;
    else ranges.push([a, b]);
  };
  const counted = fromRollups.length && covered.length ? await edgeCounts(covered, fromRollups, wideDays) : null;
  if (!counted?.has(start)) rest(start, ds);
  cached.forEach((day, i) => !day.clean && rest(starts[i]!, starts[i]! + DAY_MS));
  if (!counted?.has(de)) rest(de, end);
  const parts = await Promise.all([
    ...(covered.length ? ranges.map(([a, b]) => getUptime(covered, new Date(a), new Date(b), now)) : []),
    ...(uncovered.length ? [getUptime(uncovered, w.start, w.end, now)] : []),
    ...[...(counted?.values() ?? [])],
  ]);
  const out = new Map<string, WindowUptime>(ids.map((id) => [id, { checks: 0, ok: 0, pct: null }]));
  for (const part of parts)
    for (const [id, u] of part) {
      const o = out.get(id)!;
      o.checks += u.checks;
      o.ok += u.ok;
    }
  for (const day of clean)
    for (const id of covered) {
      const f = day.figures.get(id)!.get(CHECKS)!;
      const o = out.get(id)!;
      o.checks += f.count;
      o.ok += f.okCount ?? 0;
    }
  for (const o of out.values()) o.pct = uptimePct(o.ok, o.checks);
  return out;
}

type Counts = Map<string, { checks: number; ok: number }>;

/**
 * Checks of `ids` in each partial day `edges` (keyed by its start) from hour rollups: its own hours, or
 * (over 12 hours, `wideDays`) its day's counts minus the other hours'. An edge whose subtraction leaves a
 * negative count (a day that is not the sum of its hours) is left out, for getUptime to count.
 */
async function edgeCounts(
  ids: string[],
  edges: Array<{ from: number; to: number }>,
  wideDays: Map<{ from: number; to: number }, Day>,
): Promise<Map<number, Counts>> {
  const ranges = edges.flatMap((e, i) => {
    const day = Math.floor(e.from / DAY_MS) * DAY_MS;
    return wideDays.has(e)
      ? [
          { i, from: day, to: e.from },
          { i, from: e.to, to: day + DAY_MS },
        ].filter((r) => r.from < r.to)
      : [{ i, from: e.from, to: e.to }];
  });
  const rows = await db.$queryRaw<Array<{ i: number; targetId: string; checks: number; ok: number }>>`
    SELECT x.i, x."targetId"::text AS "targetId", sum(x.count)::float8 AS checks,
      coalesce(sum(x."okCount"), 0)::float8 AS ok
    FROM ${rollupRowsInRanges("hour", CHECKS, ids, ranges, Prisma.sql`h.count, h."okCount"`)} x
    GROUP BY 1, 2`;
  const out = new Map<number, Counts>();
  edges.forEach((e, i) => {
    const day = wideDays.get(e);
    const sign = day ? -1 : 1;
    const counts: Counts = new Map(
      ids.map((id) => {
        const f = day?.figures.get(id)?.get(CHECKS);
        return [id, { checks: f?.count ?? 0, ok: f?.okCount ?? 0 }];
      }),
    );
    for (const r of rows) {
      if (r.i !== i) continue;
      const c = counts.get(r.targetId);
      if (!c) continue;
      c.checks += sign * r.checks;
      c.ok += sign * r.ok;
    }
    if ([...counts.values()].every((c) => c.checks >= 0 && c.ok >= 0)) out.set(e.from, counts);
  });
  return out;
}
