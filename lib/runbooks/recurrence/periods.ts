// The periods of a cadence in the team's time zone: each occurrence of the RRULE, its period key and due time.
import { RRuleTemporal } from "rrule-temporal";
import { isBusinessTime, localDate } from "@/lib/team/business-time";
import type { TeamSchedule } from "@/lib/team/schemas";
import { ruleParts, type RuleParts } from "./rule";

export type Occurrence = { periodKey: string; periodStart: Date; dueAt: Date };
export type CadenceInput = { rrule: string; businessHoursOnly: boolean; dueTime: string };

const DAY_MS = 86_400_000;

/** Calendar arithmetic on "YYYY-MM-DD" (no time zone involved). */
function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A "period" cadence (weekly/monthly/yearly without BYDAY) runs for the whole period and is due on its last day. */
function isWholePeriod(p: RuleParts): boolean {
  return p.freq !== "HOURLY" && p.freq !== "DAILY" && p.byDay.length === 0 && !p.hasByMonthDay;
}

/** DTSTART in the team's zone, anchored so month ends never drop a period (monthly rules start on the 1st). */
function dtstartFor(p: RuleParts, anchorDate: string, schedule: TeamSchedule): string {
  let date = anchorDate;
  if (isWholePeriod(p) && p.freq === "WEEKLY") {
    const isoDay = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    date = shiftDate(date, 1 - isoDay);
  } else if (isWholePeriod(p) && p.freq === "MONTHLY") date = `${date.slice(0, 8)}01`;
  else if (isWholePeriod(p) && p.freq === "YEARLY") date = `${date.slice(0, 4)}-01-01`;
  const time = p.freq === "HOURLY" ? schedule.workStart : "00:00";
  return `${date.replaceAll("-", "")}T${time.replace(":", "")}00`;
}

type Zoned = ReturnType<RRuleTemporal["all"]>[number];

/**
 * Hourly rules restart every local day at the start of work (09:00, 13:00, … local, also across DST),
 * instead of drifting by the hour the clocks change, which RFC 5545's elapsed-time HOURLY would do.
 */
function hourlyOccurrences(rrule: string, schedule: TeamSchedule, from: Date, to: Date): Zoned[] {
  const tz = schedule.timeZone;
  const out: Zoned[] = [];
  const last = localDate(tz, to);
  for (let date = shiftDate(localDate(tz, from), -1); date <= last; date = shiftDate(date, 1)) {
    const start = `DTSTART;TZID=${tz}:${date.replaceAll("-", "")}T${schedule.workStart.replace(":", "")}00`;
    const days = new RRuleTemporal({ rruleString: `${start}\nRRULE:FREQ=DAILY;COUNT=2` }).all();
    const dayEnd = days[1] ? days[1].epochMilliseconds : Number.POSITIVE_INFINITY;
    const rule = new RRuleTemporal({ rruleString: `${start}\nRRULE:${rrule}` });
    for (const occ of rule.between(new Date(days[0]?.epochMilliseconds ?? 0), new Date(dayEnd - 1), true)) {
      if (occ.epochMilliseconds >= from.getTime() - DAY_MS && occ.epochMilliseconds <= to.getTime()) out.push(occ);
    }
  }
  return out;
}

export function occurrencesBetween(
  cadence: CadenceInput,
  schedule: TeamSchedule,
  anchor: Date,
  from: Date,
  to: Date,
): Occurrence[] {
  const p = ruleParts(cadence.rrule);
  const tz = schedule.timeZone;
  const lookBack =
    p.freq === "YEARLY" ? 366 * DAY_MS : p.freq === "MONTHLY" ? 31 * p.interval * DAY_MS : 8 * p.interval * DAY_MS;
  const candidates =
    p.freq === "HOURLY"
      ? hourlyOccurrences(cadence.rrule, schedule, from, to)
      : new RRuleTemporal({
          rruleString: `DTSTART;TZID=${tz}:${dtstartFor(p, localDate(tz, anchor), schedule)}\nRRULE:${cadence.rrule}`,
        }).between(new Date(from.getTime() - lookBack), to, true);
  const out: Occurrence[] = [];
  for (const occ of candidates) {
    const periodStart = new Date(occ.epochMilliseconds);
    let dueAt: Date;
    let periodKey = occ.toPlainDate().toString();
    let periodEnd: Date;
    if (p.freq === "HOURLY") {
      dueAt = periodEnd = new Date(periodStart.getTime() + p.interval * 3_600_000);
      periodKey += `T${occ.toPlainTime().toString().slice(0, 5)}`;
    } else if (isWholePeriod(p)) {
      const unit =
        p.freq === "WEEKLY"
          ? { weeks: p.interval }
          : p.freq === "MONTHLY"
            ? { months: p.interval }
            : { years: p.interval };
      dueAt = new Date(occ.add(unit).subtract({ days: 1 }).withPlainTime(cadence.dueTime).epochMilliseconds);
      periodEnd = new Date(occ.add(unit).epochMilliseconds);
    } else {
      dueAt = new Date(occ.withPlainTime(cadence.dueTime).epochMilliseconds);
      periodEnd = new Date(occ.add({ days: 1 }).epochMilliseconds);
    }
    // Activated during a period but after its due time: that period's run is due by the period's end, not overdue at once.
    if (dueAt <= anchor && periodEnd > anchor && periodStart <= anchor) dueAt = periodEnd;
    if (dueAt <= anchor || dueAt < from || periodStart > to) continue;
    if (cadence.businessHoursOnly && !inBusinessHours(p, schedule, periodStart)) continue;
    out.push({ periodKey, periodStart, dueAt });
  }
  return out;
}

/** Hourly cadences need the hour to be business time; day-based ones a working day that is not a holiday. */
function inBusinessHours(p: RuleParts, schedule: TeamSchedule, at: Date): boolean {
  if (p.freq === "HOURLY") return isBusinessTime(schedule, at);
  const date = localDate(schedule.timeZone, at);
  const isoDay = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return schedule.workingDays.includes(isoDay) && !schedule.holidays.includes(date);
}
