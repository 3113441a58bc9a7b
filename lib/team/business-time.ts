// Business-time arithmetic in the team's time zone: which instants are working time, and how much
// working time lies between two instants. Pure; correct across DST because every working interval is
// built from local wall-clock times converted to instants, day by day.
import { TZDate } from "@date-fns/tz";
import type { TeamSchedule } from "@/lib/team/schemas";

const DAY_MS = 86_400_000;
/** Upper bound on days scanned, so a schedule with no reachable working time cannot loop forever. */
const MAX_DAYS = 3 * 366;

/** The local calendar date of an instant in a time zone, "YYYY-MM-DD". */
export function localDate(timeZone: string, at: Date): string {
  const d = new TZDate(at.getTime(), timeZone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The instant of a local wall-clock time ("YYYY-MM-DD", "HH:MM") in a time zone. */
export function zonedInstant(timeZone: string, date: string, time = "00:00"): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, 0, timeZone).getTime());
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local date. */
function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

type Interval = { start: Date; end: Date } | null;
/** Per schedule object: date → working interval (queues evaluate thousands of clocks per request). */
const intervalCache = new WeakMap<TeamSchedule, Map<string, Interval>>();

/** The working interval of one local date, or null when the team does not work that day. */
export function workingInterval(s: TeamSchedule, date: string): Interval {
  let cache = intervalCache.get(s);
  if (!cache) intervalCache.set(s, (cache = new Map()));
  const hit = cache.get(date);
  if (hit !== undefined) return hit;
  const interval =
    !s.workingDays.includes(isoWeekday(date)) || s.holidays.includes(date)
      ? null
      : { start: zonedInstant(s.timeZone, date, s.workStart), end: zonedInstant(s.timeZone, date, s.workEnd) };
  if (cache.size > 5000) cache.clear();
  cache.set(date, interval);
  return interval;
}

export function isBusinessTime(s: TeamSchedule, at: Date): boolean {
  const interval = workingInterval(s, localDate(s.timeZone, at));
  return interval !== null && at >= interval.start && at < interval.end;
}

/** Seconds of working time in [from, to); 0 when `to` is not after `from`. */
export function businessSecondsBetween(s: TeamSchedule, from: Date, to: Date): number {
  if (to <= from) return 0;
  let total = 0;
  let date = localDate(s.timeZone, from);
  const last = localDate(s.timeZone, to);
  for (let i = 0; i <= MAX_DAYS * 10; i++) {
    const interval = workingInterval(s, date);
    if (interval) {
      const start = Math.max(interval.start.getTime(), from.getTime());
      const end = Math.min(interval.end.getTime(), to.getTime());
      if (end > start) total += end - start;
    }
    if (date >= last) break;
    date = nextDate(date);
  }
  return total / 1000;
}

/** The instant at which `seconds` of working time after `from` have passed. */
export function addBusinessSeconds(s: TeamSchedule, from: Date, seconds: number): Date {
  let remaining = seconds * 1000;
  let date = localDate(s.timeZone, from);
  for (let i = 0; i < MAX_DAYS; i++) {
    const interval = workingInterval(s, date);
    if (interval && interval.end > from) {
      const start = Math.max(interval.start.getTime(), from.getTime());
      const available = interval.end.getTime() - start;
      if (remaining <= available) return new Date(start + remaining);
      remaining -= available;
    }
    date = nextDate(date);
  }
  throw new Error(`No working time within ${MAX_DAYS} days of ${from.toISOString()}; check the team schedule.`);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
