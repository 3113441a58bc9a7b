// STAND-IN for the lead's lib/team (schedule.ts, schemas.ts, business-time.ts), coded to its contract.
// Delete this file and import from lib/team once it is on main.
export type TeamSchedule = {
  timeZone: string;
  workingDays: number[];
  workStart: string;
  workEnd: string;
  holidays: string[];
  businessHours: boolean;
};

export const DEFAULT_TEAM_SCHEDULE: TeamSchedule = {
  timeZone: "UTC", workingDays: [1, 2, 3, 4, 5], workStart: "09:00", workEnd: "17:00", holidays: [], businessHours: false,
};

export async function getTeamSchedule(): Promise<TeamSchedule> {
  return DEFAULT_TEAM_SCHEDULE;
}

const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function parts(timeZone: string, at: Date) {
  const fmt = new Intl.DateTimeFormat("en-GB", {
    timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", weekday: "short", hourCycle: "h23",
  });
  const p = Object.fromEntries(fmt.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, weekday: WEEKDAY[p.weekday ?? ""] ?? 0 };
}

export function localDate(timeZone: string, at: Date): string {
  return parts(timeZone, at).date;
}

export function isBusinessTime(s: TeamSchedule, at: Date): boolean {
  const p = parts(s.timeZone, at);
  return s.workingDays.includes(p.weekday) && !s.holidays.includes(p.date) && p.time >= s.workStart && p.time < s.workEnd;
}
