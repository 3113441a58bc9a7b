// History buckets in the team's time zone: weeks from local Monday 00:00, months from the local 1st. Pure, so the
// boundaries can be tested across a DST change (a local week is 167 or 169 hours long then, never 168).
import { localDate, zonedInstant } from "@/lib/team/business-time";

export type BucketRange = "week" | "month";
export type BucketFrame = { key: string; start: Date; label: string };

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The local date ("YYYY-MM-DD") the bucket of `at` starts on: that week's Monday, or that month's 1st. */
export function bucketKey(at: Date, range: BucketRange, timeZone: string): string {
  const date = localDate(timeZone, at);
  if (range === "month") return `${date.slice(0, 8)}01`;
  const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -weekday);
}

function shiftMonths(key: string, months: number): string {
  const [y, m] = key.split("-").map(Number) as [number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}-01`;
}

/** The last `count` buckets up to the one holding `now`, oldest first, each with its local start as an instant. */
export function bucketFrames(range: BucketRange, now: Date, timeZone: string, count: number): BucketFrame[] {
  const last = bucketKey(now, range, timeZone);
  return Array.from({ length: count }, (_, i) => {
    const key = range === "week" ? addDays(last, -7 * (count - 1 - i)) : shiftMonths(last, -(count - 1 - i));
    return {
      key,
      start: zonedInstant(timeZone, key),
      label: range === "week" ? `w/c ${key.slice(5)}` : key.slice(0, 7),
    };
  });
}
