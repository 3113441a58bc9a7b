// Uptime of a window for the runtime KPIs: getUptime's counts (lib/health/views/uptime.ts), with the
// whole UTC days it would read from day rollups taken from the day cache (runtime-days.ts) instead.
// getUptime counts such a day from its day rollup when no late sample waits in it and no maintenance
// touches it; the day cache holds exactly those rows. The rest of the window (the partial days at its
// ends, today and the days with pending marks) is counted by getUptime range by range: its counts add
// up over ranges that meet at UTC midnights. With a maintenance window anywhere in the window,
// getUptime counts all of it (maintenance is rare, and its per-target spans do not follow days).
import "server-only";
import { getUptime, maintenanceSpans, uptimePct } from "@/lib/health/views/uptime";
import type { WindowBounds } from "./types";
import { CHECKS, MAX_CACHED_DAYS, readDays } from "./runtime-days";

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
  const days = await readDays(starts);
  const clean = days.filter((day) => day.clean);
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
  rest(start, ds);
  days.forEach((day, i) => !day.clean && rest(starts[i]!, starts[i]! + DAY_MS));
  rest(de, end);
  const counted = await Promise.all([
    ...(covered.length ? ranges.map(([a, b]) => getUptime(covered, new Date(a), new Date(b), now)) : []),
    ...(uncovered.length ? [getUptime(uncovered, w.start, w.end, now)] : []),
  ]);
  const out = new Map<string, WindowUptime>(ids.map((id) => [id, { checks: 0, ok: 0, pct: null }]));
  for (const part of counted)
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
