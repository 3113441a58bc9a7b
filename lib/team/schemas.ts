// The team's schedule: time zone, working days and hours, holidays. Shared by triage clocks,
// checklist recurrence, metrics windows and the time formatter. No Prisma import: client code uses it.
import { z } from "zod";

export type TeamSchedule = {
  /** IANA time zone name, e.g. "Europe/Berlin". */
  timeZone: string;
  /** ISO weekdays the team works: 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** Local start and end of the working day, "HH:MM" (24-hour). */
  workStart: string;
  workEnd: string;
  /** Local dates the team does not work, "YYYY-MM-DD". */
  holidays: string[];
  /** When true, triage clocks count business time only. */
  businessHours: boolean;
};

export const DEFAULT_TEAM_SCHEDULE: TeamSchedule = {
  timeZone: "UTC",
  workingDays: [1, 2, 3, 4, 5],
  workStart: "09:00",
  workEnd: "17:00",
  holidays: [],
  businessHours: false,
};

export const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use 24-hour HH:MM, e.g. 09:00.");

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD.")
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    "Not a calendar date.",
  );

export const TeamScheduleInput = z
  .object({
    timeZone: z
      .string()
      .trim()
      .min(1, "Enter a time zone.")
      .refine(isTimeZone, "Not a known IANA time zone (e.g. Europe/Berlin)."),
    workingDays: z.array(z.number().int().min(1).max(7)).min(1, "Pick at least one working day.").max(7),
    workStart: clock,
    workEnd: clock,
    holidays: z.array(isoDate).max(400, "At most 400 holidays."),
    businessHours: z.boolean(),
  })
  .strict()
  .refine((v) => v.workEnd > v.workStart, { message: "The working day must end after it starts.", path: ["workEnd"] })
  .transform((v) => ({
    ...v,
    workingDays: [...new Set(v.workingDays)].sort((a, b) => a - b),
    holidays: [...new Set(v.holidays)].sort(),
  }));
export type TeamScheduleInput = z.input<typeof TeamScheduleInput>;
