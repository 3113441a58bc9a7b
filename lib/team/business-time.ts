// STAND-IN until the team schedule lands on main (contract from the brief); replaced at merge.
import { TZDate } from "@date-fns/tz";
import type { TeamSchedule } from "./schemas";

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, "0");

export function localDate(timeZone: string, at: Date): string {
  const d = new TZDate(at.getTime(), timeZone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function hm(s: string): [number, number] {
  const [h, m] = s.split(":").map(Number);
  return [h ?? 0, m ?? 0];
}

/** The working interval [start, end) in ms of the local day containing `at`, or null on a day off. */
function workWindow(s: TeamSchedule, y: number, mo: number, d: number): [number, number] | null {
  const day = new TZDate(y, mo, d, 12, 0, s.timeZone);
  const iso = day.getDay() === 0 ? 7 : day.getDay();
  const date = `${y}-${pad(mo + 1)}-${pad(d)}`;
  if (!s.workingDays.includes(iso) || s.holidays.includes(date)) return null;
  const [sh, sm] = hm(s.workStart);
  const [eh, em] = hm(s.workEnd);
  return [new TZDate(y, mo, d, sh, sm, s.timeZone).getTime(), new TZDate(y, mo, d, eh, em, s.timeZone).getTime()];
}

type Day = { noon: number; window: [number, number] | null };

function* days(s: TeamSchedule, from: Date, maxDays = 3700): Generator<Day> {
  const start = new TZDate(from.getTime(), s.timeZone);
  for (let i = 0; i < maxDays; i++) {
    const noon = new TZDate(start.getFullYear(), start.getMonth(), start.getDate() + i, 12, 0, s.timeZone);
    yield { noon: noon.getTime(), window: workWindow(s, noon.getFullYear(), noon.getMonth(), noon.getDate()) };
  }
}

export function isBusinessTime(s: TeamSchedule, at: Date): boolean {
  const w = days(s, at).next().value?.window;
  return !!w && at.getTime() >= w[0] && at.getTime() < w[1];
}

export function businessSecondsBetween(s: TeamSchedule, from: Date, to: Date): number {
  if (to <= from) return 0;
  let total = 0;
  const end = to.getTime();
  for (const { noon, window: w } of days(s, from)) {
    if (noon - DAY_MS > end) break;
    if (w) total += Math.max(0, Math.min(w[1], end) - Math.max(w[0], from.getTime()));
  }
  return Math.floor(total / 1000);
}

export function addBusinessSeconds(s: TeamSchedule, from: Date, seconds: number): Date {
  let left = seconds * 1000;
  for (const { window: w } of days(s, from)) {
    if (!w) continue;
    const start = Math.max(w[0], from.getTime());
    const available = Math.max(0, w[1] - start);
    if (available > 0 && available >= left) return new Date(start + left);
    left -= available;
  }
  return new Date(from.getTime() + seconds * 1000);
}
