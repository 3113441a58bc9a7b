// A cadence in words for people ("every week on Monday, business hours only"), from rrule-temporal's toText.
import { toText } from "rrule-temporal/totext";
import { ruleParts } from "@/lib/runbooks/recurrence/rule";

export function cadenceInWords(c: { rrule: string | null; onDemand: boolean; businessHoursOnly: boolean }): string {
  if (c.rrule) {
    const p = ruleParts(c.rrule);
    let words: string;
    if (p.freq === "WEEKLY" && p.byDay.length === 0)
      words = p.interval > 1 ? `every ${p.interval} weeks` : "every week";
    else {
      try {
        words = toText(`DTSTART:20260101T000000Z\nRRULE:${c.rrule}`); // a 1st, so month rules name no day
      } catch {
        words = c.rrule;
      }
    }
    return c.businessHoursOnly ? `${words}, business hours only` : words;
  }
  return c.onDemand ? "on demand" : "no cadence set";
}
