// Reporting windows: [start, end) instants whose bounds are local midnights in a time zone, so a
// month that spans a DST change is 743 or 745 hours long, not 744. Pure; no database.
import { TZDate } from "@date-fns/tz";

export type Period =
  { kind: "month"; month: string } | { kind: "quarter"; quarter: string } | { kind: "range"; from: Date; to: Date };
export type Window = { start: Date; end: Date; tz: string; label: string };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The instant of local midnight on year-month-day (month 0-based, may overflow) in `tz`. */
export function localMidnight(tz: string, year: number, month: number, day = 1): Date {
  return new Date(new TZDate(year, month, day, 0, 0, 0, 0, tz).getTime());
}

export function monthKey(year: number, month0: number): string {
  const d = new Date(Date.UTC(year, month0, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

export function parseMonth(month: string): { year: number; month0: number } {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  return { year: Number(m[1]), month0: Number(m[2]) - 1 };
}

export function monthWindow(month: string, tz: string): Window {
  const { year, month0 } = parseMonth(month);
  return { start: localMidnight(tz, year, month0), end: localMidnight(tz, year, month0 + 1), tz, label: month };
}

export function quarterWindow(quarter: string, tz: string): Window {
  const m = QUARTER.exec(quarter);
  if (!m) throw new Error(`not a quarter: ${quarter}`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  return { start: localMidnight(tz, year, (q - 1) * 3), end: localMidnight(tz, year, q * 3), tz, label: quarter };
}

export function addMonths(month: string, n: number): string {
  const { year, month0 } = parseMonth(month);
  return monthKey(year, month0 + n);
}

export function addQuarters(quarter: string, n: number): string {
  const m = QUARTER.exec(quarter);
  if (!m) throw new Error(`not a quarter: ${quarter}`);
  const index = Number(m[1]) * 4 + Number(m[2]) - 1 + n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/**
 * The month shown when none is asked for: the last complete month in `tz` — the one the runbook's
 * monthly review covers. The month in progress is one "Next →" away; comparing its first days with
 * a whole previous month would read as a drop in everything.
 */
export function reviewMonth(now: Date, tz: string): string {
  return addMonths(monthOf(now, tz), -1);
}

/** The month (YYYY-MM) an instant falls in, in `tz`. */
export function monthOf(at: Date, tz: string): string {
  const d = new TZDate(at.getTime(), tz);
  return monthKey(d.getFullYear(), d.getMonth());
}

export function quarterOf(month: string): string {
  const { year, month0 } = parseMonth(month);
  return `${year}-Q${Math.floor(month0 / 3) + 1}`;
}

export function periodWindow(period: Period, tz: string): Window {
  if (period.kind === "month") return monthWindow(period.month, tz);
  if (period.kind === "quarter") return quarterWindow(period.quarter, tz);
  return { start: period.from, end: period.to, tz, label: `${period.from.toISOString()} – ${period.to.toISOString()}` };
}

/** The period before: the previous month or quarter; for a range, the same length immediately before. */
export function previousPeriod(period: Period): Period {
  if (period.kind === "month") return { kind: "month", month: addMonths(period.month, -1) };
  if (period.kind === "quarter") return { kind: "quarter", quarter: addQuarters(period.quarter, -1) };
  const length = period.to.getTime() - period.from.getTime();
  return { kind: "range", from: new Date(period.from.getTime() - length), to: period.from };
}

/** The `count` months ending with (and including) `month`, oldest first. */
export function trailingMonths(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(month, i - count + 1));
}

const DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The range picker's days (YYYY-MM-DD, both included) as instants: local midnight of `first` to the one after `last`. */
export function dayRange(first: string, last: string, tz: string): { from: Date; to: Date } | null {
  const a = DAY.exec(first);
  const b = DAY.exec(last);
  if (!a || !b) return null;
  return {
    from: localMidnight(tz, Number(a[1]), Number(a[2]) - 1, Number(a[3])),
    to: localMidnight(tz, Number(b[1]), Number(b[2]) - 1, Number(b[3]) + 1),
  };
}

/** The local day (YYYY-MM-DD) an instant falls on in `tz`. */
export function dayOf(at: Date, tz: string): string {
  const d = new TZDate(at.getTime(), tz);
  return `${monthKey(d.getFullYear(), d.getMonth())}-${String(d.getDate()).padStart(2, "0")}`;
}
