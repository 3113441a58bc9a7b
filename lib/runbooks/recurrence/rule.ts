// Reads and validates an RRULE string (the subset the importer writes, checked by rrule-temporal itself).
import { RRuleTemporal } from "rrule-temporal";

export type RuleParts = { freq: string; interval: number; byDay: string[]; hasByMonthDay: boolean };

export function ruleParts(rrule: string): RuleParts {
  const map = new Map(rrule.split(";").map((kv) => kv.split("=", 2) as [string, string]));
  return {
    freq: map.get("FREQ") ?? "",
    interval: Number(map.get("INTERVAL") ?? "1") || 1,
    byDay: (map.get("BYDAY") ?? "").split(",").filter(Boolean),
    hasByMonthDay: map.has("BYMONTHDAY"),
  };
}

const SUPPORTED = new Set(["HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"]);

/** Null when valid, otherwise what is wrong. */
export function validateRrule(rrule: string): string | null {
  if (/DTSTART|UNTIL|COUNT|\n/i.test(rrule))
    return "Give only the RRULE parts (FREQ, INTERVAL, BYDAY…); the start comes from activation.";
  const parts = ruleParts(rrule);
  if (!SUPPORTED.has(parts.freq)) return "FREQ must be HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY.";
  try {
    new RRuleTemporal({ rruleString: `DTSTART;TZID=UTC:20260105T000000\nRRULE:${rrule}` }).next();
  } catch (error) {
    return `Not a valid RRULE: ${error instanceof Error ? error.message : "unreadable"}`;
  }
  return null;
}
